/*
 * SHIM-ONLY (not part of the KNIME API; tests only, never plugin main code): creates models and dialogs
 * of configurable node factories the way KNIME's framework does, with or without optional ports.
 */
package org.knime.core.node;

import org.knime.core.node.context.ModifiableNodeCreationConfiguration;
import org.knime.core.node.context.NodeCreationConfiguration;
import org.knime.core.node.context.ports.ExtendablePortGroup;
import org.knime.core.node.context.ports.ModifiablePortsConfiguration;
import org.knime.core.node.context.ports.PortGroupConfiguration;
import org.knime.core.node.port.PortType;

/**
 * Framework-side node creation for headless tests. KNIME creates the model of a configurable factory from
 * a creation configuration (the user's port choices), never through the no-argument method.
 *
 * <pre>
 * ModifiableNodeCreationConfiguration cfg = ShimNodeCreation.withPort(factory, "File System Connection",
 *     FileSystemPortObject.TYPE);
 * ReaderNodeModel model = ShimNodeCreation.createNodeModel(factory, cfg);
 * </pre>
 */
public final class ShimNodeCreation {
    private ShimNodeCreation() {
    }

    /** The model as KNIME creates it when a node is added: a configurable factory with its default ports. */
    public static <T extends NodeModel> T createNodeModel(final NodeFactory<T> factory) {
        if (factory instanceof ConfigurableNodeFactory) {
            return factory.createNodeModel(((ConfigurableNodeFactory<T>)factory).createNodeCreationConfig());
        }
        return factory.createNodeModel();
    }

    /** The model for a creation configuration (e.g. one with an optional port added). */
    public static <T extends NodeModel> T createNodeModel(final NodeFactory<T> factory,
        final NodeCreationConfiguration creationConfig) {
        return factory.createNodeModel(creationConfig);
    }

    /** The dialog as KNIME creates it when a node is added (default ports). */
    public static NodeDialogPane createNodeDialogPane(final NodeFactory<?> factory) {
        if (factory instanceof ConfigurableNodeFactory) {
            return factory.createNodeDialogPane(((ConfigurableNodeFactory<?>)factory).createNodeCreationConfig());
        }
        return factory.createNodeDialogPane();
    }

    /** The dialog for a creation configuration. */
    public static NodeDialogPane createNodeDialogPane(final NodeFactory<?> factory,
        final NodeCreationConfiguration creationConfig) {
        return factory.createNodeDialogPane(creationConfig);
    }

    /**
     * A creation configuration with one port of the given type added to the named extendable/optional group,
     * as the user does with the node's "..." menu. Fails if the group cannot take the type or is full.
     */
    public static ModifiableNodeCreationConfiguration withPort(final ConfigurableNodeFactory<?> factory,
        final String group, final PortType type) {
        ModifiableNodeCreationConfiguration cfg = factory.createNodeCreationConfig();
        ModifiablePortsConfiguration ports = cfg.getPortConfig()
            .orElseThrow(() -> new IllegalArgumentException(factory.getClass().getName() + " defines no port groups"));
        PortGroupConfiguration g = ports.getGroup(group);
        if (!(g instanceof ExtendablePortGroup)) {
            throw new IllegalArgumentException("Port group '" + group + "' is fixed; no port can be added");
        }
        ExtendablePortGroup ext = (ExtendablePortGroup)g;
        if (!ext.canAddPort()) {
            throw new IllegalArgumentException("Port group '" + group + "' is full");
        }
        boolean supported = false;
        for (PortType t : ext.getSupportedPortTypes()) {
            supported |= t.equals(type);
        }
        if (!supported) {
            throw new IllegalArgumentException("Port group '" + group + "' does not support " + type);
        }
        ext.addPort(type);
        return cfg;
    }
}
