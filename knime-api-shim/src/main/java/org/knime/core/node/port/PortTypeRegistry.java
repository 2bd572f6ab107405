/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.port;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out port types. KNIME fills it from the org.knime.core.PortType extension point; the shim
 * creates types on demand.
 */
public final class PortTypeRegistry {
    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    private final Map<String, PortType> m_types = new ConcurrentHashMap<>();

    private PortTypeRegistry() {
    }

    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    public synchronized PortType getPortType(final Class<? extends PortObject> objectClass) {
        return getPortType(objectClass, false);
    }

    public synchronized PortType getPortType(final Class<? extends PortObject> objectClass, final boolean isOptional) {
        if (objectClass == null) {
            throw new NullPointerException("Port object class must not be null");
        }
        return m_types.computeIfAbsent(objectClass.getName() + "/" + isOptional,
            k -> new PortType(objectClass, isOptional));
    }
}
