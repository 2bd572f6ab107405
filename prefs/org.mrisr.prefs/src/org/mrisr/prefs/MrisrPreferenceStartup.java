package org.mrisr.prefs;

import org.eclipse.ui.IStartup;

/** Publishes the stored settings at workbench start, before a workflow can run an mrisr node. */
public final class MrisrPreferenceStartup implements IStartup {
    @Override
    public void earlyStartup() {
        MrisrPreferences.publish();
    }
}
