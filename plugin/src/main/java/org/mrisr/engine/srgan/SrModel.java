package org.mrisr.engine.srgan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.mrisr.engine.nn.Layer;
import org.mrisr.engine.ops.InputSupport;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.ops.Zoom;
import org.mrisr.engine.patch.SlidingWindowInferer;
import org.mrisr.engine.srgan.io.ModelFile;
import org.mrisr.engine.srgan.io.ModelInfo;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.net.GeneratorInference;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.google.gson.JsonObject;

/**
 * A trained super-resolution model: generator weights plus what the model file records. The one
 * door for prediction ({@link #predict}) and for model files ({@link #load}, {@link #read},
 * {@link #save}, {@link #write}): every caller (CLI, nodes, demo, evaluation, benchmarks) predicts
 * with the preprocessing the model file records.
 *
 * <p>Prediction: the LR volume is normalised with the model's recorded method fitted on the whole
 * volume, run window by window through the generator in evaluation mode ({@link SlidingWindowInferer};
 * the generator's fast inference pass, {@link GeneratorInference}: BatchNorm folded, channels last, the
 * same results as the plain pass within float32 rounding), blended, and mapped back; where the input holds no signal the output is 0
 * ({@link PredictOptions#zeroBackground()}, on by default). Output shape r·n per axis on the scipy-zoom grid of
 * the input ({@link #outputAffine}), the grid {@code interpolate} uses, so degrade → predict
 * returns the HR geometry. ND4J memory is bounded by one window (activations are released as the
 * forward pass goes); the Java heap holds the input, its normalised copy and the output.
 *
 * <p>Thread safety: the generator caches activations, so calls that run it ({@link #predict})
 * are serialised on this model; two threads sharing one model (two KNIME branches fed by one model
 * port) get exactly the results each would get alone. ND4J uses every core for one window, so
 * running windows of one model concurrently would gain little.
 */
public final class SrModel {
    private final Generator generator;
    private final ModelInfo info;

    public SrModel(Generator generator, ModelInfo info) {
        this.generator = generator;
        this.info = info;
    }

    /** Loads and validates a model file; bad files raise {@link org.mrisr.engine.InvalidInputException}. */
    public static SrModel load(Path file) {
        ModelFile.Loaded l = ModelFile.read(file);
        return new SrModel(l.generator(), l.info());
    }

    /** Reads a model from a stream (e.g. a zip entry of a KNIME port object); {@code source} names it in errors. */
    public static SrModel read(InputStream in, String source) {
        ModelFile.Loaded l = ModelFile.read(in, source);
        return new SrModel(l.generator(), l.info());
    }

    /** Writes the model file atomically (temporary file in the same folder, then a rename). */
    public void save(Path file) throws IOException {
        ModelFile.write(file, generator, info);
    }

    /** Writes the model file to a stream, which stays open. */
    public void write(OutputStream out) throws IOException {
        ModelFile.write(out, generator, info);
    }

    public Volume predict(Volume lr) {
        return predict(lr, PredictOptions.defaults());
    }

    public Volume predict(Volume lr, PredictOptions options) {
        return predict(lr, options, null, null);
    }

    /**
     * Super-resolves a whole LR volume.
     *
     * @param progress receives the fraction of windows done (may be null)
     * @param cancel   checked before each window (may be null); true throws
     *                 {@link java.util.concurrent.CancellationException}
     */
    public Volume predict(Volume lr, PredictOptions options, DoubleConsumer progress, BooleanSupplier cancel) {
        return predict(lr, options, progress, cancel, false);
    }

    /**
     * {@link #predict} through the generator's plain evaluation-mode forward pass instead of its
     * {@link GeneratorInference} (tests and measurements compare the two).
     */
    Volume predictPlain(Volume lr, PredictOptions options) {
        return predict(lr, options, null, null, true);
    }

    private Volume predict(Volume lr, PredictOptions options, DoubleConsumer progress, BooleanSupplier cancel,
            boolean plain) {
        int r = factor();
        SlidingWindowInferer inferer = new SlidingWindowInferer(new int[] {r, r, r}, options.window(), options.overlap(),
                options.blending());
        // checked before normalising: the output size is known from the input alone
        inferer.requireFits(lr.shape());
        NormalizationParams np = info.normalizer().fit(lr);
        Volume norm = Normalizer.apply(lr, np);
        Volume out;
        synchronized (this) {
            // built per call from the current weights: a model being trained elsewhere is seen as it is now
            WindowNet net = plain ? x -> plainForward(generator, x) : generator.inference()::forward;
            out = inferer.run(norm, outputAffine(lr.affine(), lr.shape(), r), crop -> window(net, r, crop), progress, cancel);
        }
        if (info.cubicResidual()) {
            // the windows' outputs are residuals; blending them and adding the whole volume's cubic commute
            out = add(out, Interpolator.cubic(norm, r));
        }
        Volume sr = Normalizer.invert(out, np);
        return options.zeroBackground() ? InputSupport.zeroOutside(lr, sr, np.inverse(PredictOptions.BACKGROUND)) : sr;
    }

    private static Volume add(Volume a, Volume b) {
        float[] x = a.data();
        float[] y = b.data();
        float[] s = new float[x.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = x[i] + y[i];
        }
        return a.withData(s);
    }

    /** The scipy-zoom grid {@code interpolate} uses: output voxel i sits at input index i·(n−1)/(r·n−1). */
    public static Affine outputAffine(Affine in, int[] shape, int r) {
        return Zoom.outputAffine(in, shape, new int[] {r * shape[0], r * shape[1], r * shape[2]});
    }

    /** A network from [1, 1, D, H, W] to its output's voxels in C order. */
    private interface WindowNet {
        float[] forward(INDArray x);
    }

    private static float[] plainForward(Generator g, INDArray x) {
        INDArray y = g.forward(x, false);
        float[] out = (y.isView() || y.ordering() != 'c' ? y.dup('c') : y).data().asFloat();
        Layer.release(y);
        return out;
    }

    /** One window through the network, outside any workspace (see {@link Layer} on ownership). */
    private static Volume window(WindowNet net, int r, Volume crop) {
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray x = Nd4j.create(crop.data(), new long[] {1, 1, crop.nz(), crop.ny(), crop.nx()}, 'c');
            float[] out = net.forward(x);
            Layer.release(x);
            return new Volume(crop.nx() * r, crop.ny() * r, crop.nz() * r, out, Affine.identity());
        }
    }

    /** Warnings when the input looks unlike the training data (voxel size, intensity profile). */
    public List<String> inputWarnings(Volume lr) {
        NormalizationParams p = info.normalizer().fit(lr);
        return InputCheck.warnings(info, lr, InputCheck.meanNormalised(Normalizer.apply(lr, p).data()));
    }

    public int factor() {
        return generator.config().factor();
    }

    public GeneratorConfig config() {
        return generator.config();
    }

    public ModelInfo info() {
        return info;
    }

    /**
     * The network itself, for training and weight copies. Running it directly bypasses this model's
     * serialisation: use {@link #predict} to infer.
     */
    public Generator generator() {
        return generator;
    }

    /** The same model with one more string entry in its training summary (e.g. data provenance). */
    public SrModel withTrainingNote(String key, String value) {
        JsonObject t = info.training();
        t.addProperty(key, value);
        return new SrModel(generator, info.withTraining(t));
    }
}
