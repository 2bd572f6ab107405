/*
 * SHIM-ONLY (not part of the KNIME API; tests only, never plugin main code).
 */
package org.mrisr.knimeshim;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellSerializer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Finds the {@link DataCellSerializer} of a cell class the way KNIME's DataTypeRegistry does: the
 * serializer registered for it at the extension point {@code org.knime.core.DataType} (read from the
 * {@code plugin.xml} files on the cell class's class loader: {@code <DataType cellClass=...><serializer
 * cellClass=... serializerClass=.../>}), else the deprecated static {@code getCellSerializer()} method of
 * the cell class. Without either, KNIME falls back to Java serialization; callers do the same when this
 * returns empty. Tests may also {@link #register} a serializer directly.
 */
public final class ShimCellSerializers {
    private static final String EXTENSION_POINT = "org.knime.core.DataType";

    private static final Map<Class<?>, DataCellSerializer<?>> REGISTERED = new ConcurrentHashMap<>();

    /**
     * The DataType extensions of the KNIME bundles the shim stands in for (their plugin.xml is not on the class
     * path): cell class name to serializer class name, as in org.knime.filehandling.core's plugin.xml.
     */
    private static final Map<String, String> SHIM_BUNDLES = Map.of(
        "org.knime.filehandling.core.data.location.cell.SimpleFSLocationCell",
        "org.knime.filehandling.core.data.location.cell.SimpleFSLocationCell$SimpleFSLocationCellSerializer");

    /** cell class name -> serializer class name, per class loader whose plugin.xml files were read. */
    private static final Map<ClassLoader, Map<String, String>> PLUGIN_XML = new WeakHashMap<>();

    private ShimCellSerializers() {
    }

    /** Registers a serializer for a cell class, as a plugin.xml DataType extension would. */
    public static <T extends DataCell> void register(final Class<T> cellClass, final DataCellSerializer<T> serializer) {
        REGISTERED.put(cellClass, serializer);
    }

    /** Removes a serializer registered with {@link #register}. */
    public static void unregister(final Class<? extends DataCell> cellClass) {
        REGISTERED.remove(cellClass);
    }

    /** The serializer for the cell class, or empty when KNIME would use Java serialization. */
    @SuppressWarnings("unchecked")
    public static <T extends DataCell> Optional<DataCellSerializer<T>> find(final Class<T> cellClass)
        throws IOException {
        DataCellSerializer<?> s = REGISTERED.get(cellClass);
        if (s == null) {
            s = fromPluginXml(cellClass);
        }
        if (s == null) {
            s = fromStaticMethod(cellClass);
        }
        return Optional.ofNullable((DataCellSerializer<T>)s);
    }

    private static DataCellSerializer<?> fromPluginXml(final Class<?> cellClass) throws IOException {
        ClassLoader loader = cellClass.getClassLoader();
        if (loader == null) {
            return null;
        }
        String serializerClass = SHIM_BUNDLES.getOrDefault(cellClass.getName(),
            pluginXmlEntries(loader).get(cellClass.getName()));
        if (serializerClass == null) {
            return null;
        }
        try {
            Class<?> c = Class.forName(serializerClass, true, loader);
            // Eclipse instantiates extension classes through their public no-arg constructor.
            return (DataCellSerializer<?>)c.getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IOException("Cannot instantiate serializer " + serializerClass + " registered for "
                + cellClass.getName() + " in plugin.xml (needs a public class with a public no-arg constructor "
                + "implementing DataCellSerializer): " + e, e);
        }
    }

    private static DataCellSerializer<?> fromStaticMethod(final Class<?> cellClass) throws IOException {
        Method m;
        try {
            m = cellClass.getMethod("getCellSerializer");
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (!Modifier.isStatic(m.getModifiers()) || !DataCellSerializer.class.isAssignableFrom(m.getReturnType())) {
            return null;
        }
        try {
            return (DataCellSerializer<?>)m.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IOException("getCellSerializer() of " + cellClass.getName() + " failed: " + e, e);
        }
    }

    private static Map<String, String> pluginXmlEntries(final ClassLoader loader) throws IOException {
        synchronized (PLUGIN_XML) {
            Map<String, String> entries = PLUGIN_XML.get(loader);
            if (entries == null) {
                entries = new HashMap<>();
                Enumeration<URL> urls = loader.getResources("plugin.xml");
                while (urls.hasMoreElements()) {
                    readPluginXml(urls.nextElement(), entries);
                }
                entries = Collections.unmodifiableMap(entries);
                PLUGIN_XML.put(loader, entries);
            }
            return entries;
        }
    }

    private static void readPluginXml(final URL url, final Map<String, String> entries) throws IOException {
        Document doc;
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Cannot parse " + url + ": " + e.getMessage(), e);
        }
        NodeList extensions = doc.getElementsByTagName("extension");
        for (int i = 0; i < extensions.getLength(); i++) {
            Element ext = (Element)extensions.item(i);
            if (!EXTENSION_POINT.equals(ext.getAttribute("point"))) {
                continue;
            }
            for (Node n = ext.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element && "DataType".equals(n.getNodeName())) {
                    readDataType((Element)n, entries);
                }
            }
        }
    }

    private static void readDataType(final Element dataType, final Map<String, String> entries) {
        String typeCell = dataType.getAttribute("cellClass");
        for (Node n = dataType.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && "serializer".equals(n.getNodeName())) {
                Element s = (Element)n;
                String cell = s.getAttribute("cellClass").isEmpty() ? typeCell : s.getAttribute("cellClass");
                String serializer = s.getAttribute("serializerClass");
                if (!cell.isEmpty() && !serializer.isEmpty()) {
                    entries.put(cell, serializer);
                }
            }
        }
    }
}
