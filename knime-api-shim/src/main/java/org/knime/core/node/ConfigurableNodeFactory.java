/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;

import org.knime.core.node.context.ModifiableNodeCreationConfiguration;
import org.knime.core.node.context.NodeCreationConfiguration;
import org.knime.core.node.context.ports.ModifiablePortsConfiguration;
import org.knime.core.node.context.ports.PortGroupConfiguration;
import org.knime.core.node.port.PortType;
import org.mrisr.knimeshim.ShimPortGroups;

/**
 * A factory for nodes whose ports the user can configure (e.g. an optional file system connection port).
 * KNIME creates such nodes only through {@link #createNodeModel(NodeCreationConfiguration)} and
 * {@link #createNodeDialogPane(NodeCreationConfiguration)}; the no-argument variants throw.
 */
public abstract class ConfigurableNodeFactory<T extends NodeModel> extends NodeFactory<T> {
    protected ConfigurableNodeFactory() {
        super();
    }

    /** @deprecated KNIME never calls this for configurable factories; it throws as KNIME's does. */
    @Override
    @Deprecated
    public T createNodeModel() {
        throw new UnsupportedOperationException("Method invocation not supported by ConfigurableNodeFactory");
    }

    /** @deprecated KNIME never calls this for configurable factories; it throws as KNIME's does. */
    @Override
    @Deprecated
    protected NodeDialogPane createNodeDialogPane() {
        throw new UnsupportedOperationException("Method invocation not supported by ConfigurableNodeFactory");
    }

    /** A new creation configuration: the node's port groups as built by {@link #createPortsConfigBuilder()}. */
    public final ModifiableNodeCreationConfiguration createNodeCreationConfig() {
        return new ModifiableNodeCreationConfiguration(
            createPortsConfigBuilder().map(PortsConfigurationBuilder::build).orElse(null));
    }

    protected abstract Optional<PortsConfigurationBuilder> createPortsConfigBuilder();

    @Override
    protected abstract T createNodeModel(final NodeCreationConfiguration creationConfig);

    @Override
    protected abstract NodeDialogPane createNodeDialogPane(final NodeCreationConfiguration creationConfig);

    /**
     * Builds the port groups of a node; the order of the calls is the order of the ports. KNIME's builder has
     * more group kinds (exchangeable, bound, non-interactive, predicate-based); the shim offers the fixed,
     * optional and extendable ones.
     */
    protected static final class PortsConfigurationBuilder {
        private final LinkedHashMap<String, PortGroupConfiguration> m_groups = new LinkedHashMap<>();

        public PortsConfigurationBuilder() {
        }

        private ModifiablePortsConfiguration build() {
            return ShimPortGroups.configuration(m_groups);
        }

        public void addFixedInputPortGroup(final String pGrpId, final PortType... fixedPortTypes) {
            addFixed(pGrpId, fixedPortTypes, true, false);
        }

        public void addFixedOutputPortGroup(final String pGrpId, final PortType... fixedPortTypes) {
            addFixed(pGrpId, fixedPortTypes, false, true);
        }

        public void addFixedPortGroup(final String pGrpId, final PortType... fixedPortTypes) {
            addFixed(pGrpId, fixedPortTypes, true, true);
        }

        /** A group of no port that the user can fill with one port of the given types. */
        public void addOptionalInputPortGroup(final String pGrpId, final PortType... optionalPorts) {
            addOptional(pGrpId, optionalPorts, true, false);
        }

        public void addOptionalOutputPortGroup(final String pGrpId, final PortType... optionalPorts) {
            addOptional(pGrpId, optionalPorts, false, true);
        }

        public void addExtendableInputPortGroup(final String pGrpId, final PortType... supportedTypes) {
            addExtendable(pGrpId, supportedTypes, true, false);
        }

        public void addExtendableOutputPortGroup(final String pGrpId, final PortType... supportedTypes) {
            addExtendable(pGrpId, supportedTypes, false, true);
        }

        private void addFixed(final String id, final PortType[] types, final boolean in, final boolean out) {
            checkId(id);
            checkNoNulls(types, "The static port types cannot be null and cannot contain null entries");
            checkArgument(types.length > 0, "At least one static port type has to be set");
            m_groups.put(id, ShimPortGroups.fixed(types, in, out));
        }

        private void addOptional(final String id, final PortType[] types, final boolean in, final boolean out) {
            checkId(id);
            checkNoNulls(types, "The optional ports cannot be null and cannot contain null entries");
            checkArgument(types.length > 0, "The optional ports have to contain at least one element");
            m_groups.put(id, ShimPortGroups.extendable(new PortType[0], types, in, out, 1));
        }

        private void addExtendable(final String id, final PortType[] types, final boolean in, final boolean out) {
            checkId(id);
            checkNoNulls(types, "The supported port types cannot be null and cannot contain null entries");
            checkArgument(types.length > 0, "The supported port types have to contain at least one element");
            m_groups.put(id, ShimPortGroups.extendable(new PortType[0], types, in, out, Integer.MAX_VALUE));
        }

        private void checkId(final String id) {
            checkArgument(!m_groups.containsKey(id), "A port group with the given name already exists");
            checkArgument(id != null && !id.isEmpty(), "The group identifier has to contain at least one character");
        }

        private static void checkNoNulls(final PortType[] types, final String message) {
            if (types == null || Arrays.stream(types).anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException(message);
            }
        }

        private static void checkArgument(final boolean ok, final String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
