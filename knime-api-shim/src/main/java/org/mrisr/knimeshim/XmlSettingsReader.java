/*
 * Shim-only helper (not part of the KNIME API): reads KNIME's XML config files into shim configs.
 */
package org.mrisr.knimeshim;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.knime.core.node.config.base.ConfigBase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Parses {@code <config key>}/{@code <entry key type value [isnull]>} XML (KNIME's settings.xml,
 * workflow.knime, model content) into a config tree, through the configs' public adders.
 */
public final class XmlSettingsReader {
    private XmlSettingsReader() {
    }

    /** Reads the stream (and closes it, like KNIME does) into a root config made by {@code factory}. */
    public static <C extends ConfigBase> C read(final InputStream in, final Function<String, C> factory)
        throws IOException {
        Document doc;
        try (InputStream stream = in) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            doc = b.parse(stream);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Not a KNIME XML config: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"config".equals(root.getTagName())) {
            throw new IOException("Not a KNIME XML config: root element is <" + root.getTagName() + ">, expected <config>");
        }
        C config = factory.apply(root.getAttribute("key"));
        fill(config, root);
        return config;
    }

    private static void fill(final ConfigBase target, final Element parent) throws IOException {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element)) {
                continue;
            }
            Element e = (Element)n;
            String key = e.getAttribute("key");
            if ("config".equals(e.getTagName())) {
                fill(target.addConfigBase(key), e);
            } else if ("entry".equals(e.getTagName())) {
                boolean isNull = "true".equals(e.getAttribute("isnull"));
                String value = isNull ? null : decode(e.getAttribute("value"));
                add(target, key, e.getAttribute("type"), value);
            } else {
                throw new IOException("Unexpected element <" + e.getTagName() + "> in config \"" + target.getKey() + "\"");
            }
        }
    }

    private static void add(final ConfigBase c, final String key, final String type, final String v) throws IOException {
        try {
            switch (type) {
                case "xint": c.addInt(key, Integer.parseInt(v)); break;
                case "xlong": c.addLong(key, Long.parseLong(v)); break;
                case "xdouble": c.addDouble(key, Double.parseDouble(v)); break;
                case "xfloat": c.addFloat(key, Float.parseFloat(v)); break;
                case "xshort": c.addShort(key, Short.parseShort(v)); break;
                case "xbyte": c.addByte(key, Byte.parseByte(v)); break;
                case "xchar": c.addChar(key, v.charAt(0)); break;
                case "xboolean": c.addBoolean(key, Boolean.parseBoolean(v)); break;
                // Passwords and transient strings are kept as plain (encrypted) strings; the shim never decrypts.
                default: c.addString(key, v);
            }
        } catch (RuntimeException e) {
            throw new IOException("Invalid " + type + " value \"" + v + "\" for key \"" + key + "\" in config \""
                + c.getKey() + "\"", e);
        }
    }

    /** Undoes KNIME's %%ddddd escaping of special characters in values. */
    static String decode(final String s) {
        if (s.indexOf("%%") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("%%", i) && i + 7 <= s.length() && s.substring(i + 2, i + 7).chars().allMatch(Character::isDigit)) {
                b.append((char)Integer.parseInt(s.substring(i + 2, i + 7)));
                i += 6;
            } else {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }
}
