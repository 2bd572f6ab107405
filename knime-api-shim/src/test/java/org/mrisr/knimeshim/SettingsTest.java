package org.mrisr.knimeshim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnName;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

class SettingsTest {

    private static NodeSettingsRO roundTrip(final NodeSettings s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.saveToXML(out);
        return NodeSettings.loadFromXML(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void readsKnimeSettingsXml() throws Exception {
        NodeSettingsRO root = NodeSettings.loadFromXML(getClass().getResourceAsStream("/knime-settings.xml"));
        assertEquals("settings.xml", root.getKey());
        assertEquals("org.example.FooNodeFactory", root.getString("factory"));
        NodeSettingsRO model = root.getNodeSettings("model");
        assertEquals(1.5, model.getDouble("sigma"));
        assertEquals("C:\\data\nnext & more", model.getString("path"), "%%00010 is KNIME's escape for newline");
        assertNull(model.getString("empty"));
        assertEquals(12345678901L, model.getLong("steps"));
        assertArrayEquals(new int[] {2, 2, 4}, model.getIntArray("factors"));

        SettingsModelDouble sigma = new SettingsModelDouble("sigma", 0.5);
        sigma.loadSettingsFrom(model);
        assertEquals(1.5, sigma.getDoubleValue());
        assertFalse(sigma.isEnabled(), "EnabledStatus from sigma_Internals");
    }

    @Test
    void xmlRoundTripKeepsTypesValuesAndNesting() throws Exception {
        NodeSettings s = new NodeSettings("model");
        s.addInt("i", -7);
        s.addDouble("d", 0.1);
        s.addString("weird", "a\"b<c>&\td");
        s.addString("nothing", null);
        s.addBoolean("b", true);
        s.addDoubleArray("da", 1.5, -2.0);
        s.addStringArray("sa", "x", null);
        s.addNodeSettings("child").addLong("l", Long.MIN_VALUE);
        NodeSettingsRO r = roundTrip(s);
        assertEquals(s, r);
        assertEquals("a\"b<c>&\td", r.getString("weird"));
        assertArrayEquals(new String[] {"x", null}, r.getStringArray("sa"));
        assertEquals(Long.MIN_VALUE, r.getNodeSettings("child").getLong("l"));
    }

    @Test
    void gettersAreTypeStrictAndNameTheMissingKey() {
        NodeSettings s = new NodeSettings("model");
        s.addString("n", "3");
        InvalidSettingsException wrongType = assertThrows(InvalidSettingsException.class, () -> s.getInt("n"));
        assertTrue(wrongType.getMessage().contains("xstring"), wrongType.getMessage());
        InvalidSettingsException missing = assertThrows(InvalidSettingsException.class, () -> s.getInt("absent"));
        assertTrue(missing.getMessage().contains("absent"), missing.getMessage());
        assertEquals(9, s.getInt("absent", 9));
    }

    @Test
    void settingsModelsWriteTheInternalsConfigKnimeWrites() throws Exception {
        SettingsModelString m = new SettingsModelString("mode", "cubic");
        m.setEnabled(false);
        NodeSettings s = new NodeSettings("model");
        m.saveSettingsTo(s);
        assertEquals("cubic", s.getString("mode"));
        assertEquals("SMID_string", s.getNodeSettings("mode_Internals").getString("SettingsModelID"));
        assertFalse(s.getNodeSettings("mode_Internals").getBoolean("EnabledStatus"));

        SettingsModelString loaded = new SettingsModelString("mode", "linear");
        loaded.loadSettingsFrom(roundTrip(s));
        assertEquals("cubic", loaded.getStringValue());
        assertFalse(loaded.isEnabled());
    }

    @Test
    void boundedModelsRejectOutOfRangeValuesInValidationAndSetters() throws Exception {
        SettingsModelIntegerBounded factor = new SettingsModelIntegerBounded("factor", 2, 1, 8);
        NodeSettings s = new NodeSettings("model");
        s.addInt("factor", 9);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> factor.validateSettings(s));
        assertTrue(e.getMessage().contains("factor"), e.getMessage());
        assertEquals(2, factor.getIntValue(), "validation must not change the value");
        assertThrows(IllegalArgumentException.class, () -> factor.setIntValue(0));
        assertThrows(IllegalArgumentException.class, () -> new SettingsModelDoubleBounded("s", 5, 0, 1));

        s.addInt("factor", 4);
        SettingsModelIntegerBounded clone = factor.createCloneWithValidatedValue(s);
        assertEquals(4, clone.getIntValue());
        assertEquals(2, factor.getIntValue());
        assertEquals(8, clone.getUpperBound());
    }

    @Test
    void disabledModelsSkipValidationAndIgnoreMissingValuesLikeKnime() throws Exception {
        NodeSettings s = new NodeSettings("model");
        s.addNodeSettings("sigma_Internals").addString("SettingsModelID", "SMID_double");
        ((NodeSettings)s.getNodeSettings("sigma_Internals")).addBoolean("EnabledStatus", false);
        SettingsModelDouble sigma = new SettingsModelDouble("sigma", 0.5);
        sigma.validateSettings(s);
        sigma.loadSettingsFrom(s);
        assertFalse(sigma.isEnabled());
        assertEquals(0.5, sigma.getDoubleValue());

        SettingsModelDouble enabled = new SettingsModelDouble("other", 0.5);
        assertThrows(InvalidSettingsException.class, () -> enabled.validateSettings(s));
        assertThrows(InvalidSettingsException.class, () -> enabled.loadSettingsFrom(s));
    }

    @Test
    void columnNameUsesKnimesSubConfigLayout() throws Exception {
        SettingsModelColumnName c = new SettingsModelColumnName("hr", "HR volume");
        NodeSettings s = new NodeSettings("model");
        c.saveSettingsTo(s);
        assertEquals("HR volume", s.getNodeSettings("hr").getString("columnName"));
        assertFalse(s.getNodeSettings("hr").getBoolean("useRowID"));
        assertEquals("SMID_string", s.getNodeSettings("hr_Internals").getString("SettingsModelID"));
    }

    @Test
    void otherModelsRoundTrip() throws Exception {
        SettingsModelBoolean b = new SettingsModelBoolean("b", true);
        SettingsModelLong l = new SettingsModelLong("seed", 42L);
        SettingsModelColumnName c = new SettingsModelColumnName("col", "HR");
        NodeSettings s = new NodeSettings("model");
        b.saveSettingsTo(s);
        l.saveSettingsTo(s);
        c.saveSettingsTo(s);
        NodeSettingsRO r = roundTrip(s);
        SettingsModelBoolean b2 = new SettingsModelBoolean("b", false);
        SettingsModelLong l2 = new SettingsModelLong("seed", 0L);
        SettingsModelColumnName c2 = new SettingsModelColumnName("col", null);
        b2.loadSettingsFrom(r);
        l2.loadSettingsFrom(r);
        c2.loadSettingsFrom(r);
        assertTrue(b2.getBooleanValue());
        assertEquals(42L, l2.getLongValue());
        assertEquals("HR", c2.getColumnName());
        assertFalse(c2.useRowID());
    }
}
