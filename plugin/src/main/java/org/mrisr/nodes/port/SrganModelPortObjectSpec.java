package org.mrisr.nodes.port;

import java.util.Locale;
import javax.swing.JComponent;
import javax.swing.JEditorPane;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.io.ModelInfo;
import org.mrisr.engine.srgan.net.UpsamplingMethod;

import com.google.gson.JsonObject;

/**
 * What downstream nodes know about an SRGAN model before it exists: the factor r, the upsampling
 * method, the intensity normalisation and a one-line training summary. The Learner fills it at
 * configure time (summary "not trained yet"), the model port object after training.
 */
public final class SrganModelPortObjectSpec extends AbstractSimplePortObjectSpec {
    /** The normalisation every mrisr model uses (ModelFile writes the same into model.json). */
    public static final String NORMALISATION = "(x - m/2)/(m/2), m = maximum of the whole LR volume";

    private int m_factor;
    private String m_upsampling;
    private String m_normalisation;
    private String m_summary;

    /** Serializer registered in plugin.xml (org.knime.core.PortType). */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<SrganModelPortObjectSpec> {
    }

    /** For the serializer only. */
    public SrganModelPortObjectSpec() {
        this(2, UpsamplingMethod.SUBPIXEL_NN, NORMALISATION, "");
    }

    public SrganModelPortObjectSpec(final int factor, final UpsamplingMethod upsampling, final String normalisation,
        final String summary) {
        m_factor = factor;
        m_upsampling = upsampling.id();
        m_normalisation = normalisation;
        m_summary = summary;
    }

    /** The spec of a trained model, summary from its model.json training record. */
    public static SrganModelPortObjectSpec of(final SrModel model) {
        return new SrganModelPortObjectSpec(model.factor(), model.config().method(), NORMALISATION,
            summary(model.info()));
    }

    /** "2/2 steps, final MSE 0.0123, GDL 0.0456 (warm start)"; "" when the model records no training. */
    static String summary(final ModelInfo info) {
        JsonObject t = info.training();
        if (!t.has("completed_steps")) {
            return "no training record";
        }
        StringBuilder s = new StringBuilder();
        s.append(t.get("completed_steps").getAsLong());
        if (t.has("planned_steps")) {
            s.append('/').append(t.get("planned_steps").getAsLong());
        }
        s.append(" steps");
        if (t.has("final_mse")) {
            s.append(String.format(Locale.ROOT, ", final MSE %.4g", t.get("final_mse").getAsDouble()));
        }
        if (t.has("final_gdl")) {
            s.append(String.format(Locale.ROOT, ", GDL %.4g", t.get("final_gdl").getAsDouble()));
        }
        if (t.has("cancelled") && t.get("cancelled").getAsBoolean()) {
            s.append(" (stopped early)");
        }
        if (t.has("warm_start") && t.get("warm_start").getAsBoolean()) {
            s.append(" (warm start)");
        }
        return s.toString();
    }

    public int factor() {
        return m_factor;
    }

    public UpsamplingMethod upsampling() {
        return UpsamplingMethod.parse(m_upsampling);
    }

    public String normalisation() {
        return m_normalisation;
    }

    public String summary() {
        return m_summary;
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addInt("factor", m_factor);
        model.addString("upsampling", m_upsampling);
        model.addString("normalisation", m_normalisation);
        model.addString("summary", m_summary);
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_factor = model.getInt("factor");
        m_upsampling = model.getString("upsampling");
        m_normalisation = model.getString("normalisation");
        m_summary = model.getString("summary");
        try {
            UpsamplingMethod.parse(m_upsampling);
        } catch (RuntimeException e) {
            throw new InvalidSettingsException("SRGAN model spec: " + e.getMessage(), e);
        }
    }

    /** One line for port tooltips and the summary view. */
    public String describe() {
        return "SRGAN x" + m_factor + " (" + m_upsampling + ")" + (m_summary.isEmpty() ? "" : ", " + m_summary);
    }

    @Override
    public JComponent[] getViews() {
        JEditorPane p = new JEditorPane("text/html", "<html><body><b>SRGAN model</b><br>factor: x" + m_factor
            + "<br>upsampling: " + m_upsampling + "<br>normalisation: " + escape(m_normalisation) + "<br>training: "
            + escape(m_summary) + "</body></html>");
        p.setEditable(false);
        p.setName("SRGAN model spec");
        return new JComponent[] {p};
    }

    static String escape(final String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String toString() {
        return describe();
    }
}
