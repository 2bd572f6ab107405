package org.mrisr.cli;

import java.util.Map;

/**
 * The engine names its parameters in errors ("factor", "patch size", "upsampling method"); the
 * command line says which flag sets them. An error whose source is such a parameter is shown with
 * the flag instead, when the running command has that flag (e.g. {@code --patch} for "patch size").
 */
final class EngineFlags {
    /** Engine parameter name (an InvalidInputException source) → flag name. */
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("factor", "factor"),
            Map.entry("order", "order"),
            Map.entry("sigma-mm", "sigma-mm"),
            Map.entry("noise", "noise"),
            Map.entry("shape", "shape"),
            Map.entry("blocks", "blocks"),
            Map.entry("window", "window"),
            Map.entry("overlap", "overlap"),
            Map.entry("blending", "blending"),
            Map.entry("patch", "patch"),
            Map.entry("patch size", "patch"),
            Map.entry("HR patch", "patch"),
            Map.entry("training batch", "batch"),
            Map.entry("foreground", "foreground"),
            Map.entry("upsampling method", "upsampling"));

    private EngineFlags() {
    }

    /** {@code --flag} for an engine parameter this command sets with a flag; otherwise {@code source} as it is. */
    static String source(String source, Args args) {
        String flag = FLAGS.get(source);
        return flag != null && args != null && args.isFlagOfCommand(flag) ? "--" + flag : source;
    }
}
