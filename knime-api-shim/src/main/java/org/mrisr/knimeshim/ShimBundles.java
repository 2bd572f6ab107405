/*
 * SHIM-ONLY (not part of the KNIME API; OSGi tests only).
 */
package org.mrisr.knimeshim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The shim is one OSGi bundle, "org.knime.core", that also exports the packages of KNIME's bundle
 * "org.knime.filehandling.core". A bundle that (as it must for real KNIME) requires
 * {@code org.knime.filehandling.core} resolves in a test framework against the facade bundle written here:
 * it has no classes and re-exports what it requires from the shim.
 */
public final class ShimBundles {
    /** The symbolic name of KNIME's file-handling bundle. */
    public static final String FILEHANDLING = "org.knime.filehandling.core";

    private ShimBundles() {
    }

    /**
     * Writes the facade bundle "org.knime.filehandling.core" (version 5.5.0) into the folder; install it next to
     * the shim, e.g. {@code context.installBundle("reference:" + folder.toUri())}.
     *
     * @return the folder
     */
    public static Path writeFileHandlingFacade(final Path folder) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-Name", "KNIME file handling (shim facade: re-exports the shim's packages)");
        a.putValue("Bundle-SymbolicName", FILEHANDLING);
        a.putValue("Bundle-Version", "5.5.0.shim");
        a.putValue("Require-Bundle", "org.knime.core;bundle-version=\"[5.5.0,6.0.0)\";visibility:=reexport");
        Path meta = Files.createDirectories(folder.resolve("META-INF"));
        try (OutputStream out = Files.newOutputStream(meta.resolve("MANIFEST.MF"))) {
            mf.write(out);
        }
        return folder;
    }
}
