/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/** A default value and the supported values of an enum (e.g. the filter modes a file chooser offers). */
public final class EnumConfig<E extends Enum<E>> {
    private final E m_defaultValue;
    private final EnumSet<E> m_supportedValues;

    private EnumConfig(final E defaultValue, final EnumSet<E> supportedValues) {
        m_defaultValue = defaultValue;
        m_supportedValues = supportedValues;
    }

    /** The default value; every value of the enum is supported. */
    public static <E extends Enum<E>> EnumConfig<E> supportAll(final E defaultValue) {
        return new EnumConfig<>(defaultValue, EnumSet.allOf(defaultValue.getDeclaringClass()));
    }

    /** The default value plus the other values. */
    @SafeVarargs
    public static <E extends Enum<E>> EnumConfig<E> create(final E defaultValue, final E... otherValues) {
        return new EnumConfig<>(defaultValue, EnumSet.of(defaultValue, otherValues));
    }

    /** The default value plus the supported values. */
    public static <E extends Enum<E>> EnumConfig<E> create(final E defaultValue, final Set<E> supportedValues) {
        EnumSet<E> values = EnumSet.of(defaultValue);
        values.addAll(supportedValues);
        return new EnumConfig<>(defaultValue, values);
    }

    public boolean isSupported(final E value) {
        return m_supportedValues.contains(value);
    }

    public E getDefaultValue() {
        return m_defaultValue;
    }

    public Set<E> getSupportedValues() {
        return Collections.unmodifiableSet(m_supportedValues);
    }

    public int getNumberOfSupportedValues() {
        return m_supportedValues.size();
    }

    public Stream<E> stream() {
        return m_supportedValues.stream();
    }
}
