/*
 * Shim-only helper (not part of the KNIME API).
 */
package org.mrisr.knimeshim;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Stream wrappers that keep a zip stream open when an XML writer/reader closes its stream. */
public final class NonClosing {
    private NonClosing() {
    }

    public static OutputStream of(final OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(final byte[] b, final int off, final int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    public static InputStream of(final InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the zip entry stays open for the next reader
            }
        };
    }

    /**
     * Instantiates className through its public no-arg constructor, loading it with the class loader of
     * the (plugin's) serializer class, so it works under OSGi too.
     */
    @SuppressWarnings("unchecked")
    public static <T> T instantiate(final Class<?> serializerClass, final String className, final Class<?> base)
        throws java.io.IOException {
        try {
            Class<?> c = Class.forName(className, true, serializerClass.getClassLoader());
            if (!base.isAssignableFrom(c)) {
                throw new java.io.IOException("Class \"" + className + "\" is not a " + base.getSimpleName());
            }
            return (T)c.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new java.io.IOException("Cannot instantiate \"" + className + "\" through its public no-arg constructor: " + e, e);
        }
    }
}
