/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.mrisr.knimeshim.NonClosing;

/**
 * Base for port objects that save/load themselves; subclasses need a public no-arg constructor and
 * a nested {@code public static final class Serializer extends AbstractPortObjectSerializer<X> {}}.
 */
public abstract class AbstractPortObject implements PortObject {

    /** Serializer writing a meta.xml entry (the class) followed by the object's own entries. */
    public abstract static class AbstractPortObjectSerializer<T extends AbstractPortObject>
        extends PortObjectSerializer<T> {

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            out.putNextEntry(new ZipEntry("meta.xml"));
            ModelContent meta = new ModelContent("meta.xml");
            meta.addInt("version", 1);
            meta.addString("class_name", portObject.getClass().getName());
            meta.saveToXML(NonClosing.of(out));
            portObject.save(out, exec);
        }

        @Override
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !"meta.xml".equals(entry.getName())) {
                throw new IOException("Expected meta.xml in port object stream, got " + (entry == null ? "nothing" : entry.getName()));
            }
            ModelContentRO meta = ModelContent.loadFromXML(NonClosing.of(in));
            T result;
            try {
                result = NonClosing.instantiate(getClass(), meta.getString("class_name"), AbstractPortObject.class);
            } catch (InvalidSettingsException e) {
                throw new IOException("Port object meta data lacks the class name", e);
            }
            result.load(in, spec, exec);
            return result;
        }
    }

    public AbstractPortObject() {
    }

    protected abstract void save(final PortObjectZipOutputStream out, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void load(final PortObjectZipInputStream in, final PortObjectSpec spec,
        final ExecutionMonitor exec) throws IOException, CanceledExecutionException;
}
