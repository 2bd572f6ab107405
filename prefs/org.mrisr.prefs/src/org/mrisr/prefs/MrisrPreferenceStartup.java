package org.mrisr.prefs;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IStartup;
import org.mrisr.engine.InvalidInputException;

/** Publishes the stored settings at workbench start, before a workflow can run an mrisr node. */
public final class MrisrPreferenceStartup implements IStartup {
    @Override
    public void earlyStartup() {
        try {
            MrisrPreferences.publish(MrisrPreferences.store());
        } catch (InvalidInputException e) {
            // A broken stored value must not stop KNIME from starting: the engine keeps its defaults.
            ILog.of(MrisrPreferenceStartup.class).log(Status.warning("mrisr preferences: " + e.getMessage()
                + "; using the defaults. Fix it under Preferences > KNIME > MRI Super-Resolution (mrisr).", e));
        }
    }
}
