package org.mrisr.prefs;

import java.util.Map;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.jface.preference.IPreferenceStore;

/** Defaults: all cores, JavaCPP's default off-heap limit, CPU. */
public final class MrisrPreferenceInitializer extends AbstractPreferenceInitializer {
    @Override
    public void initializeDefaultPreferences() {
        IPreferenceStore s = MrisrPreferences.store();
        for (Map.Entry<String, String> e : MrisrPreferences.defaults().entrySet()) {
            s.setDefault(e.getKey(), e.getValue());
        }
    }
}
