/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

import java.awt.Component;

/** A Swing view of an executed node. The shim never opens a window; it only holds the component. */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> {
    private Component m_component;

    protected NodeView(final T nodeModel) {
        super(nodeModel);
    }

    protected abstract void onClose();

    protected abstract void onOpen();

    protected final void setComponent(final Component comp) {
        m_component = comp;
    }

    /** Shim internal: the component set by the view. */
    final Component component() {
        return m_component;
    }
}
