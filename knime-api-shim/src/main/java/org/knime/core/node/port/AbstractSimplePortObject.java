/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.mrisr.knimeshim.NonClosing;

/**
 * Base for port objects made of simple values saved in a {@link ModelContentWO}; subclasses need a public
 * no-arg constructor and a nested Serializer extending AbstractSimplePortObjectSerializer. Two objects are
 * equal when their saved contents are (as in KNIME).
 */
public abstract class AbstractSimplePortObject implements PortObject {

    /** Serializer writing one content.xml entry: class name plus the object's model content. */
    public abstract static class AbstractSimplePortObjectSerializer<T extends AbstractSimplePortObject>
        extends PortObjectSerializer<T> {

        @Override
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !"content.xml".equals(entry.getName())) {
                throw new IOException("Expected zip entry content.xml, got " + (entry == null ? "nothing" : entry.getName()));
            }
            ModelContentRO model = ModelContent.loadFromXML(NonClosing.of(in));
            try {
                T result = NonClosing.instantiate(getClass(), model.getString("class_name"),
                    AbstractSimplePortObject.class);
                result.load(model.getModelContent("model"), spec, exec);
                return result;
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load model content: " + e.getMessage(), e);
            }
        }

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ModelContent model = new ModelContent("model.xml");
            model.addInt("version", 1);
            model.addString("class_name", portObject.getClass().getName());
            portObject.save(model.addModelContent("model"), exec);
            out.putNextEntry(new ZipEntry("content.xml"));
            model.saveToXML(NonClosing.of(out));
        }
    }

    public AbstractSimplePortObject() {
    }

    protected abstract void save(final ModelContentWO model, final ExecutionMonitor exec)
        throws CanceledExecutionException;

    protected abstract void load(final ModelContentRO model, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException;

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(final Object oport) {
        if (oport == this) {
            return true;
        }
        if (oport == null || !getClass().equals(oport.getClass())) {
            return false;
        }
        return content(this).equals(content((AbstractSimplePortObject)oport));
    }

    @Override
    public int hashCode() {
        return content(this).hashCode();
    }

    private static ModelContent content(final AbstractSimplePortObject o) {
        ModelContent c = new ModelContent("ignored");
        try {
            o.save(c, new ExecutionMonitor());
        } catch (CanceledExecutionException e) {
            // cannot happen: nobody cancels this monitor
        }
        return c;
    }
}
