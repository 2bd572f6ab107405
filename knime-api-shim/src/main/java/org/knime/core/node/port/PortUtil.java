/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;

/** Creates the zip streams KNIME hands to port object (spec) serializers. */
public final class PortUtil {
    private PortUtil() {
    }

    public static PortObjectSpecZipOutputStream getPortObjectSpecZipOutputStream(final OutputStream in)
        throws IOException {
        PortObjectSpecZipOutputStream out = new PortObjectSpecZipOutputStream(in);
        out.putNextEntry(new ZipEntry("portSpec.file"));
        return out;
    }

    public static PortObjectZipOutputStream getPortObjectZipOutputStream(final OutputStream in) throws IOException {
        PortObjectZipOutputStream out = new PortObjectZipOutputStream(in);
        out.putNextEntry(new ZipEntry("portObject.file"));
        return out;
    }

    public static PortObjectSpecZipInputStream getPortObjectSpecZipInputStream(final InputStream in)
        throws IOException {
        PortObjectSpecZipInputStream zin = new PortObjectSpecZipInputStream(in);
        expect(zin.getNextEntry(), "portSpec.file");
        return zin;
    }

    public static PortObjectZipInputStream getPortObjectZipInputStream(final InputStream in) throws IOException {
        PortObjectZipInputStream zin = new PortObjectZipInputStream(in);
        expect(zin.getNextEntry(), "portObject.file");
        return zin;
    }

    private static void expect(final ZipEntry e, final String name) throws IOException {
        if (e == null || !name.equals(e.getName())) {
            throw new IOException("Expected zip entry \"" + name + "\", got " + (e == null ? "none" : "\"" + e.getName() + "\""));
        }
    }
}
