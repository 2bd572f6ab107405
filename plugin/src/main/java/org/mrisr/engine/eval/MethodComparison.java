package org.mrisr.engine.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.metrics.DataRangePolicy;
import org.mrisr.engine.metrics.MaskMode;
import org.mrisr.engine.metrics.SsimWindow;
import org.mrisr.engine.metrics.Summary;
import org.mrisr.engine.metrics.VolumeScorer;
import org.mrisr.engine.metrics.VolumeScores;
import org.mrisr.engine.ops.BrainMask;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.volume.Volume;

/**
 * The paper's evaluation: degrade each HR volume, bring it back to the HR grid with every method
 * (interpolation baselines and models), and score against HR with three metric policies —
 * <em>whole</em> (what a user sees: the volume cropped to the bounding box of its head or brain, no
 * mask, background included, data range of HR), <em>paper</em> (skimage SSIM 7³, data range max−min
 * over both volumes, both volumes multiplied by the mask) and <em>reference</em> (range of HR,
 * averages over mask voxels only: the brain-masked score). The mask is {@code HR > 0} with holes
 * filled: the brain for skull-stripped scans, the head for full-head scans (whose background is 0).
 */
public final class MethodComparison {
    /** The scoring policies every comparison reports. */
    public static final List<String> POLICIES = List.of("whole", "paper", "reference");

    /** Scores of one method on one volume (or block). */
    public record Row(String volume, String block, String method, VolumeScores whole, VolumeScores paper,
            VolumeScores reference) {
        public VolumeScores policy(String p) {
            return switch (p) {
                case "whole" -> whole;
                case "paper" -> paper;
                case "reference" -> reference;
                default -> throw new IllegalArgumentException("unknown policy " + p);
            };
        }
    }

    private final int factor;
    private final Degrader degrader;
    private final VolumeScorer wholeScorer;
    private final VolumeScorer paperScorer;
    private final VolumeScorer referenceScorer;

    public MethodComparison(int factor, Degrader degrader, int threads) {
        this.factor = factor;
        this.degrader = degrader;
        this.wholeScorer = new VolumeScorer(SsimWindow.UNIFORM7, DataRangePolicy.reference(), MaskMode.SELECT, threads);
        this.paperScorer = new VolumeScorer(SsimWindow.UNIFORM7, DataRangePolicy.paper(), MaskMode.MULTIPLY, threads);
        this.referenceScorer = new VolumeScorer(SsimWindow.UNIFORM7, DataRangePolicy.reference(), MaskMode.SELECT, threads);
    }

    /** nearest, trilinear and cubic spline (scipy zoom orders 0, 1, 3 with prefilter). */
    public static List<Upscaler> baselines(int factor) {
        return List.of(new Upscaler("nearest", lr -> Interpolator.upsample(lr, f3(factor), 0, true)),
                new Upscaler("trilinear", lr -> Interpolator.upsample(lr, f3(factor), 1, true)),
                new Upscaler("cubic spline", lr -> Interpolator.cubic(lr, factor)));
    }

    private static double[] f3(int f) {
        return new double[] {f, f, f};
    }

    /**
     * Compares methods on one HR volume, scored as a whole ({@code blocks} null) or per block.
     *
     * @param onResult receives each method's upscaled volume (e.g. to write it), may be null
     */
    public List<Row> compare(Volume hr, String name, List<Upscaler> methods, int[] blocks,
            BiConsumer<String, Volume> onResult, Consumer<String> log) {
        Volume h = hr.trimmedToMultipleOf(factor);
        Volume lr = degrader.apply(h);
        if (onResult != null) {
            onResult.accept("lr", lr);
        }
        BrainMask brain = BrainMask.fromIntensity(h);
        Volume mask = brain.toVolume(h);
        int[] head = brain.boundingBox();
        List<int[]> boxes = blocks == null ? List.of(new int[] {0, 0, 0, h.nx(), h.ny(), h.nz()})
                : BlockSplit.boxes(h.shape(), blocks, 8);
        List<Row> rows = new ArrayList<>();
        for (Upscaler m : methods) {
            long t0 = System.nanoTime();
            Volume up = m.upscale().apply(lr);
            if (!up.sameShape(h)) {
                throw new InvalidInputException(m.name(), "produced " + up.nx() + "x" + up.ny() + "x" + up.nz()
                        + " instead of the HR grid " + h.nx() + "x" + h.ny() + "x" + h.nz());
            }
            if (log != null) {
                log.accept(String.format(Locale.ROOT, "%s: %s in %.1f s", name, m.name(), (System.nanoTime() - t0) / 1e9));
            }
            if (onResult != null) {
                onResult.accept(m.name(), up);
            }
            for (int b = 0; b < boxes.size(); b++) {
                int[] x = boxes.get(b);
                Volume hb = blocks == null ? h : h.crop(x[0], x[1], x[2], x[3], x[4], x[5]);
                Volume ub = blocks == null ? up : up.crop(x[0], x[1], x[2], x[3], x[4], x[5]);
                Volume mb = blocks == null ? mask : mask.crop(x[0], x[1], x[2], x[3], x[4], x[5]);
                if (!hasMask(mb)) {
                    continue; // a block of pure background says nothing about the brain
                }
                String block = blocks == null ? "" : "block " + (b + 1);
                // whole: the head's box for a whole volume; a block is scored whole as it is
                int[] w = blocks == null ? head : x;
                rows.add(new Row(name, block, m.name(), wholeScorer.score(h.crop(w[0], w[1], w[2], w[3], w[4], w[5]), name,
                        up.crop(w[0], w[1], w[2], w[3], w[4], w[5]), m.name(), null, null), paperScorer.score(hb, name, ub, m.name(), mb, "brain mask"),
                        referenceScorer.score(hb, name, ub, m.name(), mb, "brain mask")));
            }
        }
        return rows;
    }

    private static boolean hasMask(Volume m) {
        for (float v : m.data()) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }

    /** Per method (in first-seen order): PSNR and SSIM summaries for one policy. */
    public static Map<String, Summary[]> summarise(List<Row> rows, String policy) {
        Map<String, List<VolumeScores>> by = new LinkedHashMap<>();
        for (Row r : rows) {
            by.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r.policy(policy));
        }
        Map<String, Summary[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<VolumeScores>> e : by.entrySet()) {
            out.put(e.getKey(), new Summary[] {Summary.of(e.getValue(), VolumeScores::psnr),
                    Summary.of(e.getValue(), VolumeScores::ssim)});
        }
        return out;
    }

    /** A Table-1-style text table: method, PSNR and SSIM as mean ± std [min, max], per policy. */
    public static String table(List<Row> rows) {
        int w = 12;
        for (Row r : rows) {
            w = Math.max(w, r.method().length());
        }
        StringBuilder sb = new StringBuilder();
        for (String policy : POLICIES) {
            Map<String, Summary[]> s = summarise(rows, policy);
            int n = s.isEmpty() ? 0 : s.values().iterator().next()[0].count();
            sb.append(String.format(Locale.ROOT, "policy %s (n = %d)%n", policy, n));
            // one volume has no spread to show: plain values
            sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %-" + (n == 1 ? 10 : 33) + "s %s%n", "method",
                    "PSNR (dB)", "SSIM"));
            for (Map.Entry<String, Summary[]> e : s.entrySet()) {
                Summary p = e.getValue()[0];
                Summary q = e.getValue()[1];
                sb.append(n == 1
                        ? String.format(Locale.ROOT, "  %-" + w + "s  %6.2f     %.4f%n", e.getKey(), p.mean(), q.mean())
                        : String.format(Locale.ROOT, "  %-" + w + "s  %6.2f ± %4.2f [%6.2f, %6.2f]   %.4f ± %.4f [%.4f, %.4f]%n",
                        e.getKey(), p.mean(), p.std(), p.min(), p.max(), q.mean(), q.std(), q.min(), q.max()));
            }
        }
        return sb.toString();
    }
}
