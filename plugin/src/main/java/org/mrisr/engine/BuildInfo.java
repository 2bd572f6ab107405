package org.mrisr.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Versions this build was made with (mrisr, DL4J/ND4J), recorded in model files so a model says
 * what produced it. Read from a resource Maven fills in; "unknown" when run from unfiltered sources.
 */
public final class BuildInfo {
    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    public static String mrisrVersion() {
        return get("mrisr.version");
    }

    public static String dl4jVersion() {
        return get("dl4j.version");
    }

    private static String get(String key) {
        String v = PROPS.getProperty(key);
        return v == null || v.startsWith("${") ? "unknown" : v;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // versions are informative only
        }
        return p;
    }
}
