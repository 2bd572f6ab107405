package org.mrisr.nodes.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import javax.swing.JComponent;
import javax.swing.JEditorPane;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.srgan.SrModel;

/**
 * A trained SRGAN generator on a KNIME port. Saved as one zip entry holding the engine's model file
 * ({@code docs/model-format.md}: model.json + ND4J weight arrays), the same bytes the SRGAN Model
 * Writer and {@code ./mrisr train} produce, so a workflow's model can be read by the CLI and back.
 */
public final class SrganModelPortObject extends AbstractPortObject {
    /** The port type (optional variant: {@link #TYPE_OPTIONAL}). */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(SrganModelPortObject.class);

    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(SrganModelPortObject.class, true);

    static final String ENTRY = "srgan-model.mrisr";

    private SrModel m_model;
    private SrganModelPortObjectSpec m_spec;

    /** Serializer registered in plugin.xml (org.knime.core.PortType). */
    public static final class Serializer extends AbstractPortObjectSerializer<SrganModelPortObject> {
    }

    /** For the serializer only; {@link #load} fills it. */
    public SrganModelPortObject() {
    }

    public SrganModelPortObject(final SrModel model) {
        m_model = model;
        m_spec = SrganModelPortObjectSpec.of(model);
    }

    /** The model (not thread-safe: one prediction at a time). */
    public SrModel model() {
        return m_model;
    }

    @Override
    public SrganModelPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return m_spec.describe();
    }

    @Override
    public JComponent[] getViews() {
        JEditorPane p = new JEditorPane("text/html", "<html><body><b>SRGAN model</b><br>factor: x" + m_spec.factor()
            + "<br>upsampling: " + m_spec.upsampling().id() + "<br>normalisation: "
            + SrganModelPortObjectSpec.escape(m_spec.normalisation()) + "<br>training record:<pre>"
            + SrganModelPortObjectSpec.escape(m_model.info().training().toString()) + "</pre>degradation:<pre>"
            + SrganModelPortObjectSpec.escape(m_model.info().degradation().toString()) + "</pre></body></html>");
        p.setEditable(false);
        p.setName("SRGAN model");
        return new JComponent[] {p};
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        out.putNextEntry(new ZipEntry(ENTRY));
        m_model.write(out);
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        ZipEntry e = in.getNextEntry();
        if (e == null || !ENTRY.equals(e.getName())) {
            throw new IOException("SRGAN model port: expected entry " + ENTRY + ", got "
                + (e == null ? "none" : e.getName()));
        }
        try {
            SrganBackend.init();
            m_model = SrModel.read(in, "SRGAN model port");
        } catch (InvalidInputException ex) {
            throw new IOException("SRGAN model port: " + ex.getMessage(), ex);
        }
        m_spec = SrganModelPortObjectSpec.of(m_model);
    }
}
