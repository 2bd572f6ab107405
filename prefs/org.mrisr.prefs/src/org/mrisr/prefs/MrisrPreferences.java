package org.mrisr.prefs;

import java.util.Map;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.mrisr.engine.nd4j.ComputeSettings;

/**
 * The preference store of mrisr's compute settings and its hand-over to the engine: the values are
 * published as {@code mrisr.compute.*} system properties, which {@link ComputeSettings#fromSystemProperties}
 * reads (the org.mrisr bundle does not depend on Eclipse's preference API).
 */
final class MrisrPreferences {
    static final String ID = "org.mrisr.prefs";

    private static IPreferenceStore store;

    private MrisrPreferences() {
    }

    static synchronized IPreferenceStore store() {
        if (store == null) {
            store = new ScopedPreferenceStore(InstanceScope.INSTANCE, ID);
        }
        return store;
    }

    /** Copies the stored values to the system properties the engine reads (an ND4J already running keeps its settings). */
    static void publish() {
        IPreferenceStore s = store();
        for (String key : ComputeSettings.defaults().toMap().keySet()) {
            System.setProperty(ComputeSettings.PROPERTY_PREFIX + key, s.getString(key));
        }
    }

    static Map<String, String> defaults() {
        return ComputeSettings.defaults().toMap();
    }
}
