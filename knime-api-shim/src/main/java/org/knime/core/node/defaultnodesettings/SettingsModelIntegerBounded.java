/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

/** A int setting restricted to [lower, upper]; out-of-range values are rejected, never clamped. */
public class SettingsModelIntegerBounded extends SettingsModelInteger {
    private final int m_minValue;
    private final int m_maxValue;

    public SettingsModelIntegerBounded(final String configName, final int defaultValue, final int minValue,
        final int maxValue) {
        super(configName, defaultValue);
        if (!(minValue <= maxValue)) {
            throw new IllegalArgumentException("Specified lower bound (" + minValue + ") is larger than the upper bound (" + maxValue + ")");
        }
        m_minValue = minValue;
        m_maxValue = maxValue;
        if (!(defaultValue >= minValue && defaultValue <= maxValue)) {
            throw new IllegalArgumentException("Default value (" + defaultValue + ") is out of range [" + minValue + ", " + maxValue + "] for '" + configName + "'");
        }
    }

    public int getLowerBound() {
        return m_minValue;
    }

    public int getUpperBound() {
        return m_maxValue;
    }

    @Override
    void checkBounds(final int value) {
        if (!(value >= m_minValue && value <= m_maxValue)) {
            throw new IllegalArgumentException("Value (=" + value + ") must be within the range [" + m_minValue
                + "..." + m_maxValue + "] for '" + configName() + "'");
        }
    }

    @Override
    SettingsModel newInstance() {
        SettingsModelIntegerBounded m = new SettingsModelIntegerBounded(configName(), getIntValue(), m_minValue, m_maxValue);
        return m;
    }

    @Override
    Number lower() {
        return m_minValue;
    }

    @Override
    Number upper() {
        return m_maxValue;
    }
}
