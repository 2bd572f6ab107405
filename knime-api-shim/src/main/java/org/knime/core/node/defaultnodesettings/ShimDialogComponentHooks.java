/*
 * SHIM-ONLY (not part of the KNIME API): lets dialog components outside this package (KNIME's file
 * chooser components in org.knime.filehandling) supply what KNIME's protected abstract DialogComponent
 * methods supply. The shim keeps those methods package-internal, so nodes cannot subclass DialogComponent.
 */
package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** KNIME's protected abstract DialogComponent methods, implemented by a component of another package. */
public interface ShimDialogComponentHooks {
    /** Model to widgets. */
    void updateComponent();

    /** Widgets to model; throws for input that cannot be saved. */
    void validateSettingsBeforeSave() throws InvalidSettingsException;

    /** Refuses to open the dialog for these input specs. */
    void checkConfigurabilityBeforeLoad(PortObjectSpec[] specs) throws NotConfigurableException;

    /** Binds the hooks to a component (once, in its constructor). */
    static void bind(final DialogComponent component, final ShimDialogComponentHooks hooks) {
        if (component.m_hooks != null) {
            throw new IllegalStateException("Dialog component hooks are already bound: " + component);
        }
        component.m_hooks = hooks;
    }
}
