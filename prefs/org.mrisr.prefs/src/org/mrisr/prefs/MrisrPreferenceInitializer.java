package org.mrisr.prefs;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;

/** Defaults: all cores, JavaCPP's default off-heap limit, CPU. */
public final class MrisrPreferenceInitializer extends AbstractPreferenceInitializer {
    @Override
    public void initializeDefaultPreferences() {
        MrisrPreferences.initializeDefaults(MrisrPreferences.store());
    }
}
