/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.workflow.VariableType;

/**
 * Links a setting (by its config keys) to a flow variable in a node dialog. The shim has no flow variables:
 * replacement is never enabled.
 */
public class FlowVariableModel {
    private final String[] m_keys;
    private final VariableType<?> m_type;
    private final List<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    FlowVariableModel(final NodeDialogPane parent, final String[] keys, final VariableType<?> type) {
        if (keys == null || keys.length == 0) {
            throw new IllegalArgumentException("The keys of a flow variable model must not be empty");
        }
        m_keys = keys.clone();
        m_type = type;
    }

    public String[] getKeys() {
        return m_keys.clone();
    }

    public VariableType<?> getVariableType() {
        return m_type;
    }

    public String getInputVariableName() {
        return null;
    }

    public boolean isVariableReplacementEnabled() {
        return getInputVariableName() != null;
    }

    public void addChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(l);
        }
    }

    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    protected void notifyChangeListeners() {
        ChangeEvent e = new ChangeEvent(this);
        for (ChangeListener l : m_listeners) {
            l.stateChanged(e);
        }
    }
}
