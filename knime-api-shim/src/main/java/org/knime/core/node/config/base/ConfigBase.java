/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.knime.core.node.InvalidSettingsException;

/**
 * An ordered tree of typed entries and child configs. Values are kept as the strings KNIME writes
 * to settings.xml ({@code <entry key type value>}), so anything read from a KNIME file is saved back
 * unchanged. Arrays are child configs with an {@code array-size} entry and entries "0".."n-1", as in
 * KNIME's files.
 */
public abstract class ConfigBase implements ConfigBaseRO, ConfigBaseWO {
    private static final String ARRAY_SIZE = "array-size";

    private final String m_key;
    private final Map<String, Object> m_entries = new LinkedHashMap<>();

    /** A typed leaf; value null means the entry stores null ({@code isnull="true"}). */
    private static final class Entry {
        final String type;
        final String value;

        Entry(final String type, final String value) {
            this.type = type;
            this.value = value;
        }

        @Override
        public boolean equals(final Object o) {
            return o instanceof Entry && type.equals(((Entry)o).type) && Objects.equals(value, ((Entry)o).value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, value);
        }
    }

    public ConfigBase(final String key) {
        if (key == null) {
            throw new IllegalArgumentException("config key must not be null");
        }
        m_key = key;
    }

    @Override
    public final String getKey() {
        return m_key;
    }

    /** Children are of this config's own class (NodeSettings beget NodeSettings), made through its (String) constructor. */
    private ConfigBase newChild(final String key) {
        try {
            return getClass().getConstructor(String.class).newInstance(key);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(getClass().getName() + " needs a public (String key) constructor", e);
        }
    }

    @Override
    public final ConfigBase addConfigBase(final String key) {
        ConfigBase child = newChild(key);
        m_entries.put(checkKey(key), child);
        return child;
    }

    @Override
    public final ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        Object o = m_entries.get(key);
        if (!(o instanceof ConfigBase)) {
            throw new InvalidSettingsException(o == null ? missing(key) : "Entry \"" + key + "\" in config \"" + m_key + "\" is not a config");
        }
        return (ConfigBase)o;
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(m_entries.keySet());
    }

    @Override
    public boolean containsKey(final String key) {
        return key != null && m_entries.containsKey(key);
    }

    @Override
    public final Iterator<String> iterator() {
        return keySet().iterator();
    }

    @Override
    public void copyTo(final ConfigBaseWO config) {
        for (Map.Entry<String, Object> e : m_entries.entrySet()) {
            if (e.getValue() instanceof ConfigBase) {
                ((ConfigBase)e.getValue()).copyTo(config.addConfigBase(e.getKey()));
            } else if (config instanceof ConfigBase) {
                ((ConfigBase)config).m_entries.put(e.getKey(), e.getValue());
            } else {
                throw new UnsupportedOperationException("copyTo needs a ConfigBase target");
            }
        }
    }

    // ---- storage primitives ----

    private static String checkKey(final String key) {
        if (key == null) {
            throw new IllegalArgumentException("settings key must not be null");
        }
        return key;
    }

    private void put(final String key, final String type, final String value) {
        m_entries.put(checkKey(key), new Entry(type, value));
    }

    private String missing(final String key) {
        return "Config for key \"" + key + "\" not found in \"" + m_key + "\"";
    }

    private Entry entry(final String key, final String type) throws InvalidSettingsException {
        Object o = m_entries.get(key);
        if (o == null) {
            throw new InvalidSettingsException(missing(key));
        }
        if (!(o instanceof Entry) || !((Entry)o).type.equals(type)) {
            String actual = o instanceof Entry ? ((Entry)o).type : "config";
            throw new InvalidSettingsException("Entry \"" + key + "\" in \"" + m_key + "\" is of type " + actual
                + ", expected " + type);
        }
        return (Entry)o;
    }

    private <T> T parse(final String key, final String type, final Function<String, T> parser)
        throws InvalidSettingsException {
        Entry e = entry(key, type);
        if (e.value == null) {
            if ("xstring".equals(type)) {
                return null;
            }
            throw new InvalidSettingsException("Entry \"" + key + "\" in \"" + m_key + "\" is null");
        }
        try {
            return parser.apply(e.value);
        } catch (RuntimeException ex) {
            throw new InvalidSettingsException("Entry \"" + key + "\" in \"" + m_key + "\" has an invalid "
                + type + " value: \"" + e.value + "\"", ex);
        }
    }

    // ---- adders ----

    @Override
    public void addInt(final String key, final int value) {
        put(key, "xint", Integer.toString(value));
    }

    @Override
    public void addDouble(final String key, final double value) {
        put(key, "xdouble", Double.toString(value));
    }

    @Override
    public void addFloat(final String key, final float value) {
        put(key, "xfloat", Float.toString(value));
    }

    @Override
    public void addChar(final String key, final char value) {
        put(key, "xchar", Character.toString(value));
    }

    @Override
    public void addShort(final String key, final short value) {
        put(key, "xshort", Short.toString(value));
    }

    @Override
    public void addLong(final String key, final long value) {
        put(key, "xlong", Long.toString(value));
    }

    @Override
    public void addByte(final String key, final byte value) {
        put(key, "xbyte", Byte.toString(value));
    }

    @Override
    public void addString(final String key, final String value) {
        put(key, "xstring", value);
    }

    @Override
    public void addBoolean(final String key, final boolean value) {
        put(key, "xboolean", Boolean.toString(value));
    }

    private ConfigBase addArray(final String key, final int length) {
        ConfigBase c = addConfigBase(key);
        c.addInt(ARRAY_SIZE, length);
        return c;
    }

    @Override
    public void addIntArray(final String key, final int... values) {
        if (values == null) {
            addArray(key, -1);
            return;
        }
        ConfigBase c = addArray(key, values.length);
        for (int i = 0; i < values.length; i++) {
            c.addInt(Integer.toString(i), values[i]);
        }
    }

    @Override
    public void addDoubleArray(final String key, final double... values) {
        if (values == null) {
            addArray(key, -1);
            return;
        }
        ConfigBase c = addArray(key, values.length);
        for (int i = 0; i < values.length; i++) {
            c.addDouble(Integer.toString(i), values[i]);
        }
    }

    @Override
    public void addFloatArray(final String key, final float... values) {
        if (values == null) {
            addArray(key, -1);
            return;
        }
        ConfigBase c = addArray(key, values.length);
        for (int i = 0; i < values.length; i++) {
            c.addFloat(Integer.toString(i), values[i]);
        }
    }

    @Override
    public void addLongArray(final String key, final long... values) {
        if (values == null) {
            addArray(key, -1);
            return;
        }
        ConfigBase c = addArray(key, values.length);
        for (int i = 0; i < values.length; i++) {
            c.addLong(Integer.toString(i), values[i]);
        }
    }

    @Override
    public void addBooleanArray(final String key, final boolean... values) {
        if (values == null) {
            addArray(key, -1);
            return;
        }
        ConfigBase c = addArray(key, values.length);
        for (int i = 0; i < values.length; i++) {
            c.addBoolean(Integer.toString(i), values[i]);
        }
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        if (values == null) {
            addArray(key, -1);
            return;
        }
        ConfigBase c = addArray(key, values.length);
        for (int i = 0; i < values.length; i++) {
            c.addString(Integer.toString(i), values[i]);
        }
    }

    // ---- getters ----

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        return parse(key, "xint", Integer::parseInt);
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        return parse(key, "xdouble", Double::parseDouble);
    }

    @Override
    public float getFloat(final String key) throws InvalidSettingsException {
        return parse(key, "xfloat", Float::parseFloat);
    }

    @Override
    public char getChar(final String key) throws InvalidSettingsException {
        return parse(key, "xchar", s -> {
            if (s.length() != 1) {
                throw new IllegalArgumentException("not one char");
            }
            return s.charAt(0);
        });
    }

    @Override
    public short getShort(final String key) throws InvalidSettingsException {
        return parse(key, "xshort", Short::parseShort);
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        return parse(key, "xlong", Long::parseLong);
    }

    @Override
    public byte getByte(final String key) throws InvalidSettingsException {
        return parse(key, "xbyte", Byte::parseByte);
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        return parse(key, "xstring", s -> s);
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        return parse(key, "xboolean", s -> {
            if (!"true".equals(s) && !"false".equals(s)) {
                throw new IllegalArgumentException("not a boolean");
            }
            return Boolean.parseBoolean(s);
        });
    }

    @Override
    public int getInt(final String key, final int def) {
        try {
            return getInt(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public double getDouble(final String key, final double def) {
        try {
            return getDouble(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public float getFloat(final String key, final float def) {
        try {
            return getFloat(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public char getChar(final String key, final char def) {
        try {
            return getChar(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public byte getByte(final String key, final byte def) {
        try {
            return getByte(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public short getShort(final String key, final short def) {
        try {
            return getShort(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public long getLong(final String key, final long def) {
        try {
            return getLong(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        try {
            return getBoolean(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String getString(final String key, final String def) {
        try {
            return getString(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    /** The array child for key, or null when it stores a null array. */
    private ConfigBase array(final String key) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(key);
        return c.getInt(ARRAY_SIZE) < 0 ? null : c;
    }

    @Override
    public int[] getIntArray(final String key) throws InvalidSettingsException {
        ConfigBase c = array(key);
        if (c == null) {
            return null;
        }
        int[] r = new int[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getInt(Integer.toString(i));
        }
        return r;
    }

    @Override
    public double[] getDoubleArray(final String key) throws InvalidSettingsException {
        ConfigBase c = array(key);
        if (c == null) {
            return null;
        }
        double[] r = new double[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getDouble(Integer.toString(i));
        }
        return r;
    }

    @Override
    public float[] getFloatArray(final String key) throws InvalidSettingsException {
        ConfigBase c = array(key);
        if (c == null) {
            return null;
        }
        float[] r = new float[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getFloat(Integer.toString(i));
        }
        return r;
    }

    @Override
    public long[] getLongArray(final String key) throws InvalidSettingsException {
        ConfigBase c = array(key);
        if (c == null) {
            return null;
        }
        long[] r = new long[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getLong(Integer.toString(i));
        }
        return r;
    }

    @Override
    public boolean[] getBooleanArray(final String key) throws InvalidSettingsException {
        ConfigBase c = array(key);
        if (c == null) {
            return null;
        }
        boolean[] r = new boolean[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getBoolean(Integer.toString(i));
        }
        return r;
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        ConfigBase c = array(key);
        if (c == null) {
            return null;
        }
        String[] r = new String[c.getInt(ARRAY_SIZE)];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.getString(Integer.toString(i));
        }
        return r;
    }

    @Override
    public int[] getIntArray(final String key, final int... def) {
        try {
            return getIntArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public double[] getDoubleArray(final String key, final double... def) {
        try {
            return getDoubleArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public float[] getFloatArray(final String key, final float... def) {
        try {
            return getFloatArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public long[] getLongArray(final String key, final long... def) {
        try {
            return getLongArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public boolean[] getBooleanArray(final String key, final boolean... def) {
        try {
            return getBooleanArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        try {
            return getStringArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    // ---- XML (KNIME's settings.xml layout) ----

    @Override
    public final void saveToXML(final OutputStream os) throws IOException {
        try (Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            w.write("<config xmlns=\"http://www.knime.org/2008/09/XMLConfig\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:schemaLocation=\"http://www.knime.org/2008/09/XMLConfig "
                + "http://www.knime.org/XMLConfig_2008_09.xsd\" key=\"" + attr(m_key) + "\">\n");
            writeBody(w, 1);
            w.write("</config>\n");
        }
    }

    private void writeBody(final Writer w, final int depth) throws IOException {
        String indent = "    ".repeat(depth);
        for (Map.Entry<String, Object> e : m_entries.entrySet()) {
            if (e.getValue() instanceof ConfigBase) {
                w.write(indent + "<config key=\"" + attr(e.getKey()) + "\">\n");
                ((ConfigBase)e.getValue()).writeBody(w, depth + 1);
                w.write(indent + "</config>\n");
            } else {
                Entry en = (Entry)e.getValue();
                w.write(indent + "<entry key=\"" + attr(e.getKey()) + "\" type=\"" + en.type + "\" value=\""
                    + (en.value == null ? "\" isnull=\"true\"" : attr(en.value) + "\"") + "/>\n");
            }
        }
    }

    /** XML attribute escaping plus KNIME's %%ddddd encoding of control characters. */
    private static String attr(final String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("%%%%%05d", (int)c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        ConfigBase other = (ConfigBase)o;
        return m_key.equals(other.m_key) && m_entries.equals(other.m_entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_key, m_entries);
    }

    @Override
    public String toString() {
        return m_key + m_entries.keySet();
    }
}
