/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.mrisr.knimeshim.NonClosing;

/**
 * Base for specs made of simple values saved in a {@link ModelContentWO}; subclasses need a public
 * no-arg constructor and a nested Serializer extending AbstractSimplePortObjectSpecSerializer.
 */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {

    /** Serializer writing one content.xml entry: class name plus the spec's model content. */
    public abstract static class AbstractSimplePortObjectSpecSerializer<T extends AbstractSimplePortObjectSpec>
        extends PortObjectSpecSerializer<T> {

        @Override
        public T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !"content.xml".equals(entry.getName())) {
                throw new IOException("Expected content.xml in port spec stream, got " + (entry == null ? "nothing" : entry.getName()));
            }
            ModelContentRO model = ModelContent.loadFromXML(NonClosing.of(in));
            try {
                T result = NonClosing.instantiate(getClass(), model.getString("class_name"),
                    AbstractSimplePortObjectSpec.class);
                result.load(model.getModelContent("model"));
                return result;
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load port object spec: " + e.getMessage(), e);
            }
        }

        @Override
        public void savePortObjectSpec(final T portObjectSpec, final PortObjectSpecZipOutputStream out)
            throws IOException {
            ModelContent model = new ModelContent("model.xml");
            model.addInt("version", 1);
            model.addString("class_name", portObjectSpec.getClass().getName());
            portObjectSpec.save(model.addModelContent("model"));
            out.putNextEntry(new ZipEntry("content.xml"));
            model.saveToXML(NonClosing.of(out));
        }
    }

    public AbstractSimplePortObjectSpec() {
    }

    protected abstract void save(final ModelContentWO model);

    protected abstract void load(final ModelContentRO model) throws InvalidSettingsException;

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(final Object ospec) {
        if (ospec == this) {
            return true;
        }
        if (ospec == null || ospec.getClass() != getClass()) {
            return false;
        }
        ModelContent mine = new ModelContent("spec");
        ModelContent theirs = new ModelContent("spec");
        save(mine);
        ((AbstractSimplePortObjectSpec)ospec).save(theirs);
        return mine.equals(theirs);
    }

    @Override
    public int hashCode() {
        ModelContent mine = new ModelContent("spec");
        save(mine);
        return mine.hashCode();
    }
}
