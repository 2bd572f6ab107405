/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

/** Base of node views: holds the model the view shows. */
public abstract class AbstractNodeView<T extends NodeModel> {
    private final T m_nodeModel;

    AbstractNodeView(final T nodeModel) {
        if (nodeModel == null) {
            throw new NullPointerException("Node model must not be null");
        }
        m_nodeModel = nodeModel;
    }

    protected T getNodeModel() {
        return m_nodeModel;
    }

    /** Called when the model changed (e.g. after execution); update the view here. */
    protected abstract void modelChanged();
}
