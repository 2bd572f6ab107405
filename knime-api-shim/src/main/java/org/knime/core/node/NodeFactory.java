/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

import org.knime.core.node.context.NodeCreationConfiguration;

/** Creates a node's model, views and dialog; named in plugin.xml. */
public abstract class NodeFactory<T extends NodeModel> {
    protected NodeFactory() {
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    public abstract NodeView<T> createNodeView(final int viewIndex, final T nodeModel);

    protected abstract boolean hasDialog();

    protected abstract NodeDialogPane createNodeDialogPane();

    /** The model for a creation configuration; plain factories ignore it (ConfigurableNodeFactory overrides). */
    protected T createNodeModel(final NodeCreationConfiguration creationConfig) {
        return createNodeModel();
    }

    /** The dialog for a creation configuration; plain factories ignore it (ConfigurableNodeFactory overrides). */
    protected NodeDialogPane createNodeDialogPane(final NodeCreationConfiguration creationConfig) {
        return createNodeDialogPane();
    }
}
