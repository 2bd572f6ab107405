package org.mrisr.prefs;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nd4j.ComputeSettings;

/**
 * The preference store of mrisr's compute settings and its hand-over to the engine: the values are
 * published as {@code mrisr.compute.*} system properties, which {@link ComputeSettings#fromSystemProperties}
 * reads (the org.mrisr bundle does not depend on Eclipse's preference API). The methods taking a
 * store work on any {@link IPreferenceStore}, so they are tested without a running workbench.
 */
final class MrisrPreferences {
    static final String ID = "org.mrisr.prefs";

    private static IPreferenceStore store;

    private MrisrPreferences() {
    }

    /** The instance-scope store (needs a running Eclipse platform). */
    static synchronized IPreferenceStore store() {
        if (store == null) {
            store = new ScopedPreferenceStore(InstanceScope.INSTANCE, ID);
        }
        return store;
    }

    /** Defaults: {@link ComputeSettings#defaults()} (all cores, JavaCPP's default limit, CPU). */
    static void initializeDefaults(final IPreferenceStore s) {
        for (Map.Entry<String, String> e : ComputeSettings.defaults().toMap().entrySet()) {
            s.setDefault(e.getKey(), e.getValue());
        }
    }

    /**
     * Copies the stored values to the system properties the engine reads and returns the settings
     * they make. An ND4J already running keeps its settings: they apply from the next KNIME start.
     *
     * @throws InvalidInputException when a stored value is not valid (e.g. a hand-edited preference
     *         file); nothing is published then, so the engine keeps its previous settings
     */
    static ComputeSettings publish(final IPreferenceStore s) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : ComputeSettings.defaults().toMap().keySet()) {
            values.put(key, s.getString(key));
        }
        ComputeSettings settings = ComputeSettings.fromMap(values);
        for (Map.Entry<String, String> e : settings.toMap().entrySet()) {
            System.setProperty(ComputeSettings.PROPERTY_PREFIX + e.getKey(), e.getValue());
        }
        return settings;
    }

    /** Null when {@code text} is a memory size (e.g. 0, 2G, 1500M) for the setting {@code key}, else what is wrong. */
    static String sizeProblem(final String key, final String text) {
        try {
            ComputeSettings.parseBytes(key, text);
            return null;
        } catch (InvalidInputException e) {
            return e.problem();
        }
    }

    /** Null when {@code text} is a usable off-heap limit (0, or at least 256M), else what is wrong. */
    static String offHeapProblem(final String text) {
        try {
            long b = ComputeSettings.parseBytes(text);
            if (b != 0 && b < ComputeSettings.MIN_OFF_HEAP) {
                return "The off-heap limit must be 0 (JavaCPP's default) or at least 256M, got " + text.strip();
            }
            return null;
        } catch (InvalidInputException e) {
            return e.problem();
        }
    }
}
