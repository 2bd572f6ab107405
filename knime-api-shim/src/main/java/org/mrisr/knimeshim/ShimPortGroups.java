/*
 * SHIM-ONLY (not part of the KNIME API): the port group and ports configuration implementations behind
 * ConfigurableNodeFactory.PortsConfigurationBuilder (KNIME's are in org.knime.core.node.context.ports.impl,
 * which nodes never reference).
 */
package org.mrisr.knimeshim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;

import org.knime.core.node.context.ports.ExtendablePortGroup;
import org.knime.core.node.context.ports.ModifiablePortsConfiguration;
import org.knime.core.node.context.ports.PortGroupConfiguration;
import org.knime.core.node.port.PortType;

/** Port groups and the configuration made of them, with KNIME's port numbering. */
public final class ShimPortGroups {
    private ShimPortGroups() {
    }

    /** A group of ports that never change. */
    public static PortGroupConfiguration fixed(final PortType[] types, final boolean in, final boolean out) {
        return new Fixed(types.clone(), in, out);
    }

    /** Fixed ports plus up to maxAdded ports of the supported types (an optional group: none fixed, 1 added). */
    public static ExtendablePortGroup extendable(final PortType[] fixedTypes, final PortType[] supported,
        final boolean in, final boolean out, final int maxAdded) {
        return new Extendable(fixedTypes.clone(), supported.clone(), in, out, maxAdded);
    }

    /** The configuration of the groups, in the map's order. */
    public static ModifiablePortsConfiguration configuration(final LinkedHashMap<String, PortGroupConfiguration> groups) {
        return new Configuration(new LinkedHashMap<>(groups));
    }

    private static final class Fixed implements PortGroupConfiguration {
        private final PortType[] m_types;
        private final boolean m_in;
        private final boolean m_out;

        Fixed(final PortType[] types, final boolean in, final boolean out) {
            m_types = types;
            m_in = in;
            m_out = out;
        }

        @Override
        public PortType[] getInputPorts() {
            if (!m_in) {
                throw new UnsupportedOperationException("This port group does not specify input ports.");
            }
            return m_types.clone();
        }

        @Override
        public PortType[] getOutputPorts() {
            if (!m_out) {
                throw new UnsupportedOperationException("This port group does not specify output ports.");
            }
            return m_types.clone();
        }

        @Override
        public boolean definesInputPorts() {
            return m_in;
        }

        @Override
        public boolean definesOutputPorts() {
            return m_out;
        }
    }

    private static final class Extendable implements ExtendablePortGroup {
        private final PortType[] m_fixed;
        private final PortType[] m_supported;
        private final List<PortType> m_added = new ArrayList<>();
        private final boolean m_in;
        private final boolean m_out;
        private final int m_maxAdded;

        Extendable(final PortType[] fixed, final PortType[] supported, final boolean in, final boolean out,
            final int maxAdded) {
            m_fixed = fixed;
            m_supported = supported;
            m_in = in;
            m_out = out;
            m_maxAdded = maxAdded;
        }

        @Override
        public PortType[] getSupportedPortTypes() {
            return m_supported.clone();
        }

        @Override
        public boolean definesInputPorts() {
            return m_in;
        }

        @Override
        public boolean definesOutputPorts() {
            return m_out;
        }

        @Override
        public PortType[] getFixedPorts() {
            return m_fixed.clone();
        }

        @Override
        public PortType[] getConfiguredPorts() {
            return m_added.toArray(new PortType[0]);
        }

        @Override
        public boolean canAddPort() {
            return m_maxAdded > m_added.size();
        }

        @Override
        public boolean hasConfiguredPorts() {
            return !m_added.isEmpty();
        }

        /** Adds the port. Like KNIME's group it does not check the type or the maximum (the UI does). */
        @Override
        public void addPort(final PortType pType) {
            m_added.add(pType);
        }

        @Override
        public PortType removeLastPort() {
            return m_added.remove(m_added.size() - 1);
        }
    }

    private static final class Configuration implements ModifiablePortsConfiguration {
        private final LinkedHashMap<String, PortGroupConfiguration> m_groups;

        Configuration(final LinkedHashMap<String, PortGroupConfiguration> groups) {
            m_groups = groups;
        }

        @Override
        public PortType[] getInputPorts() {
            return ports(PortGroupConfiguration::definesInputPorts, PortGroupConfiguration::getInputPorts);
        }

        @Override
        public PortType[] getOutputPorts() {
            return ports(PortGroupConfiguration::definesOutputPorts, PortGroupConfiguration::getOutputPorts);
        }

        private PortType[] ports(final Predicate<PortGroupConfiguration> defines,
            final Function<PortGroupConfiguration, PortType[]> get) {
            return m_groups.values().stream().filter(defines).flatMap(g -> List.of(get.apply(g)).stream())
                .toArray(PortType[]::new);
        }

        @Override
        public Map<String, int[]> getInputPortLocation() {
            return locations(PortGroupConfiguration::definesInputPorts, PortGroupConfiguration::getInputPorts);
        }

        @Override
        public Map<String, int[]> getOutputPortLocation() {
            return locations(PortGroupConfiguration::definesOutputPorts, PortGroupConfiguration::getOutputPorts);
        }

        /** Consecutive indices per group; a group with no port gets no entry (nodes test for null). */
        private Map<String, int[]> locations(final Predicate<PortGroupConfiguration> defines,
            final Function<PortGroupConfiguration, PortType[]> get) {
            Map<String, int[]> result = new LinkedHashMap<>();
            int next = 0;
            for (Map.Entry<String, PortGroupConfiguration> e : m_groups.entrySet()) {
                if (!defines.test(e.getValue())) {
                    continue;
                }
                int n = get.apply(e.getValue()).length;
                if (n > 0) {
                    int[] idx = new int[n];
                    for (int i = 0; i < n; i++) {
                        idx[i] = next + i;
                    }
                    result.put(e.getKey(), idx);
                }
                next += n;
            }
            return result;
        }

        @Override
        public List<String> getPortGroupNames() {
            return new ArrayList<>(m_groups.keySet());
        }

        @Override
        public Map<String, ExtendablePortGroup> getExtendablePorts() {
            Map<String, ExtendablePortGroup> result = new LinkedHashMap<>();
            m_groups.forEach((k, v) -> {
                if (v instanceof ExtendablePortGroup) {
                    result.put(k, (ExtendablePortGroup)v);
                }
            });
            return result;
        }

        @Override
        public PortGroupConfiguration getGroup(final String grpName) {
            PortGroupConfiguration g = m_groups.get(grpName);
            if (g == null) {
                throw new NoSuchElementException("There is no group called '" + grpName + "'");
            }
            return g;
        }
    }
}
