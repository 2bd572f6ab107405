/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

import java.awt.Component;
import java.awt.HeadlessException;

import javax.swing.JFrame;

/**
 * A Swing view of an executed node. Like KNIME's, every view owns the window it is shown in, created by
 * the constructor: in a headless JVM ({@code java.awt.headless=true}, batch and server runs) that throws
 * {@link HeadlessException}, so a view can only be built where a display exists. The shim never shows
 * the window (KNIME's framework does); it only holds the component.
 */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> {
    /** The view's window, as in KNIME; never shown by the shim. */
    @SuppressWarnings("unused")
    private final JFrame m_frame;

    private Component m_component;

    /**
     * @throws HeadlessException in a headless JVM (the view's window cannot be created)
     */
    protected NodeView(final T nodeModel) {
        super(nodeModel);
        m_frame = new JFrame();
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
