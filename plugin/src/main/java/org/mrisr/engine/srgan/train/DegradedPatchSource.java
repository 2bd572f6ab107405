package org.mrisr.engine.srgan.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Rng;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.ops.RegionCubic;
import org.mrisr.engine.ops.RegionDegrader;
import org.mrisr.engine.srgan.InputCheck;
import org.mrisr.engine.srgan.io.Contrast;
import org.mrisr.engine.srgan.io.InputRange;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Training pairs cut from high-resolution volumes, with the low-resolution side simulated by the
 * same {@link Degrader} used at evaluation time.
 *
 * <p>Each example picks a volume ({@code index mod count}) and a random LR patch position seeded
 * by (seed, index), so the same index always gives the same pair (what the trainer needs to be
 * deterministic and resumable). The HR volume is trimmed to a multiple of r and degraded as a
 * whole, exactly as at evaluation; the LR patch at LR origin o is paired with the HR patch at
 * r·o. This reproduces the geometry inference and scoring see (scipy's corner-aligned zoom makes
 * LR voxel i sit at HR index i·(N−1)/(n−1), slightly off r·i; degrading each small patch on its
 * own would exaggerate that drift several-fold). Both sides are normalised with the parameters of
 * the {@link Preprocessing}'s normaliser (by default the paper's half-max) fitted on the whole
 * degraded volume, which is what inference fits on its input; with a cubic-spline residual the HR
 * side is the difference to the cubic-spline upsampling of the whole normalised LR volume.
 *
 * <p>With {@link IntensityAugmentation} enabled, each example changes the HR block its pair depends
 * on (gamma, bias field over the position in the whole volume, scale, drawn from (seed, index)),
 * degrades that block with a {@link RegionDegrader} (the same values as degrading the whole changed
 * volume, on the same grid) and adds noise to the LR; the normalisation stays the one fitted on the
 * unchanged volume (see {@link IntensityAugmentation} for why). Off, pairs are exactly as before.
 *
 * <p>Volumes are loaded lazily through their suppliers and at most {@code cacheSize} prepared
 * (HR, LR) volumes are held, and no more than fill half of the Java heap, so the dataset never has to
 * fit in memory. Examples visit the volumes in turn, so a cache smaller than the number of volumes
 * prepares (reads and degrades) a whole volume for every example: give it the volume count when the
 * heap allows (the cache only decides speed, never which pairs come out).
 *
 * <p>A model trained on it records ({@link #input()}) the degradation, the volume names (training
 * key {@code data}), their contrast (inferred from the names unless given, {@link #withContrast}), and the voxel size, normalisation and mean intensity of the first volume's
 * degradation as training saw it (trimmed to a multiple of r).
 */
public final class DegradedPatchSource implements TrainingData {
    /** Tries per example to find a patch with enough foreground before taking the best seen. */
    private static final int FOREGROUND_TRIES = 20;
    /** Keeps the intensity draws apart from the trainer's streams of the same seed. */
    private static final long INTENSITY_STREAM = 0x1A7E4517L;

    private final List<Supplier<Volume>> volumes;
    private final List<String> names;
    private final int[] hrPatch;
    private final int factor;
    private final Degrader degrader;
    private final double minForeground;
    private final long seed;
    private final int cacheSize;
    private final Preprocessing preprocessing;
    private final IntensityAugmentation intensity;
    private String contrast;
    private final Map<Integer, Prepared> cache = new LinkedHashMap<>(4, 0.75f, true);
    private TrainingInput input;

    private record Prepared(Volume hr, Volume lr, NormalizationParams norm, Volume cubic, float hrMax, float lrMax) {
        long bytes() {
            long n = (long) hr.data().length + lr.data().length + (cubic == null ? 0 : cubic.data().length);
            return 4 * n;
        }
    }

    /**
     * @param volumes       HR volumes (loaded on demand)
     * @param names         one name per volume, used in error messages
     * @param hrPatch       HR patch size (x, y, z), each a multiple of {@code factor} and ≥ 2·factor
     * @param factor        isotropic upsampling factor r
     * @param degrader      how LR is simulated; its factors must all equal r
     * @param minForeground wanted fraction of HR voxels &gt; 0 in a patch (0 accepts any patch)
     * @param seed          seeds the patch positions
     * @param cacheSize     prepared volumes kept in memory (≥ 1)
     */
    public DegradedPatchSource(List<Supplier<Volume>> volumes, List<String> names, int[] hrPatch, int factor,
            Degrader degrader, double minForeground, long seed, int cacheSize) {
        this(volumes, names, hrPatch, factor, degrader, minForeground, seed, cacheSize, Preprocessing.paper());
    }

    /** With the given normalisation and residual mode ({@link Preprocessing}). */
    public DegradedPatchSource(List<Supplier<Volume>> volumes, List<String> names, int[] hrPatch, int factor,
            Degrader degrader, double minForeground, long seed, int cacheSize, Preprocessing preprocessing) {
        this(volumes, names, hrPatch, factor, degrader, minForeground, seed, cacheSize, preprocessing,
                IntensityAugmentation.off());
    }

    /**
     * With intensity augmentation ({@link IntensityAugmentation}); it needs a degradation that is
     * local (no prefilter, no noise). With a cubic-spline residual the target's cubic spline is that of
     * the changed LR around the patch ({@link RegionCubic}: the LR box is widened by its margin, changed,
     * degraded and noised as one, and the patch is its centre).
     */
    public DegradedPatchSource(List<Supplier<Volume>> volumes, List<String> names, int[] hrPatch, int factor,
            Degrader degrader, double minForeground, long seed, int cacheSize, Preprocessing preprocessing,
            IntensityAugmentation intensity) {
        if (volumes.isEmpty() || volumes.size() != names.size()) {
            throw new IllegalArgumentException("need at least one volume and one name per volume");
        }
        for (int a = 0; a < 3; a++) {
            if (hrPatch[a] % factor != 0 || hrPatch[a] < 2 * factor) {
                throw new InvalidInputException("patch size", "HR patch " + hrPatch[0] + "x" + hrPatch[1] + "x" + hrPatch[2]
                        + " must be a multiple of the factor " + factor + " on every axis (and at least " + 2 * factor + ")");
            }
        }
        for (double f : degrader.factors()) {
            if (f != factor) {
                throw new IllegalArgumentException("degrader factors must all be " + factor);
            }
        }
        this.volumes = List.copyOf(volumes);
        this.names = List.copyOf(names);
        this.hrPatch = hrPatch.clone();
        this.factor = factor;
        this.degrader = degrader;
        this.minForeground = minForeground;
        this.seed = seed;
        this.cacheSize = Math.max(1, cacheSize);
        this.preprocessing = preprocessing;
        this.intensity = intensity;
        this.contrast = Contrast.fromFileNames(names);
        if (intensity.enabled()) {
            if ((degrader.prefilter() && degrader.order() > 1) || degrader.noiseLevel() > 0) {
                throw new InvalidInputException("intensity augmentation", "needs a degradation without prefilter and "
                        + "without noise (the LR of one patch is recomputed from its HR block)");
            }
        }
    }

    @Override
    public PatchPair pair(long index) {
        int vi = (int) Math.floorMod(index, (long) volumes.size());
        Prepared p = prepared(vi);
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int[] lrPatch = {hrPatch[0] / factor, hrPatch[1] / factor, hrPatch[2] / factor};
        int[] best = null;
        double bestFraction = -1;
        for (int t = 0; t < FOREGROUND_TRIES && bestFraction < minForeground; t++) {
            int[] o = {rnd.nextInt(p.lr.nx() - lrPatch[0] + 1), rnd.nextInt(p.lr.ny() - lrPatch[1] + 1),
                    rnd.nextInt(p.lr.nz() - lrPatch[2] + 1)};
            double f = minForeground > 0 ? foreground(p.hr, new int[] {o[0] * factor, o[1] * factor, o[2] * factor}) : 1;
            if (f > bestFraction) {
                bestFraction = f;
                best = o;
            }
        }
        if (intensity.enabled()) {
            return p.cubic == null ? augmented(p, best, lrPatch, intensityDraw(index))
                    : augmentedResidual(p, best, lrPatch, intensityDraw(index));
        }
        Volume lr = p.lr.crop(best[0], best[1], best[2], lrPatch[0], lrPatch[1], lrPatch[2]);
        Volume hr = p.hr.crop(best[0] * factor, best[1] * factor, best[2] * factor, hrPatch[0], hrPatch[1], hrPatch[2]);
        PatchPair pair = PatchPair.normalised(lr, hr, factor, p.norm);
        if (p.cubic == null) {
            return pair;
        }
        // the target is what the network adds to the cubic spline (same crop of the HR grid)
        float[] target = pair.hr();
        float[] base = p.cubic.crop(best[0] * factor, best[1] * factor, best[2] * factor, hrPatch[0], hrPatch[1],
                hrPatch[2]).data();
        for (int i = 0; i < target.length; i++) {
            target[i] -= base[i];
        }
        return new PatchPair(pair.lr(), target, lrPatch[0], lrPatch[1], lrPatch[2], factor);
    }

    /** The intensity changes of example {@code index}: a function of (seed, index) only. */
    IntensityAugmentation.Draw intensityDraw(long index) {
        return intensity.draw(Rng.derive(seed ^ INTENSITY_STREAM, index));
    }

    /**
     * The pair at LR origin {@code o} with the HR changed before degradation: the HR block the LR
     * patch depends on, widened to hold the HR patch, is changed, degraded on the whole volume's grid,
     * and the LR gets noise.
     */
    private PatchPair augmented(Prepared p, int[] o, int[] lrPatch, IntensityAugmentation.Draw draw) {
        Changed c = changed(p, o, lrPatch, new int[] {o[0] * factor, o[1] * factor, o[2] * factor}, draw);
        return PatchPair.normalised(c.lrBox, c.hr, factor, p.norm);
    }

    /**
     * {@link #augmented} for a cubic-spline residual: the LR box the patch's cubic spline reads is degraded
     * from the changed HR and noised as one, the patch is cut from it, and the target is the changed HR minus
     * the cubic spline of the whole normalised box on the whole volume's grid.
     */
    private PatchPair augmentedResidual(Prepared p, int[] o, int[] lrPatch, IntensityAugmentation.Draw draw) {
        int[] hrOrigin = {o[0] * factor, o[1] * factor, o[2] * factor};
        RegionCubic cubicBox = new RegionCubic(p.lr.shape(), p.cubic.shape(), hrOrigin, hrPatch);
        int[] c = cubicBox.lrOrigin();
        int[] cs = cubicBox.lrSize();
        int[] lo = new int[3];
        int[] size = new int[3];
        for (int a = 0; a < 3; a++) {
            // the box also holds the network's input patch
            lo[a] = Math.min(c[a], o[a]);
            size[a] = Math.max(c[a] + cs[a], o[a] + lrPatch[a]) - lo[a];
        }
        Changed box = changed(p, lo, size, hrOrigin, draw);
        Volume lr = box.lrBox.crop(o[0] - lo[0], o[1] - lo[1], o[2] - lo[2], lrPatch[0], lrPatch[1], lrPatch[2]);
        PatchPair pair = PatchPair.normalised(lr, box.hr, factor, p.norm);
        float[] base = cubicBox.apply(Normalizer.apply(box.lrBox.crop(c[0] - lo[0], c[1] - lo[1], c[2] - lo[2], cs[0],
                cs[1], cs[2]), p.norm)).data();
        float[] target = pair.hr();
        for (int i = 0; i < target.length; i++) {
            target[i] -= base[i];
        }
        return new PatchPair(pair.lr(), target, lrPatch[0], lrPatch[1], lrPatch[2], factor);
    }

    /** An LR box degraded from the changed HR, with noise, and the changed HR patch (not normalised). */
    private record Changed(Volume lrBox, Volume hr) {
    }

    /**
     * Changes the HR block that the LR box at {@code lrOrigin} of {@code lrSize} depends on, widened to hold
     * the HR patch at {@code hrOrigin}, degrades it on the whole volume's grid and adds the draw's noise.
     */
    private Changed changed(Prepared p, int[] lrOrigin, int[] lrSize, int[] hrOrigin, IntensityAugmentation.Draw draw) {
        RegionDegrader region = new RegionDegrader(degrader, p.hr, lrOrigin, lrSize);
        int[] b = region.hrOrigin();
        int[] blockSize = region.hrSize();
        int[] from = new int[3];
        int[] to = new int[3];
        for (int a = 0; a < 3; a++) {
            from[a] = Math.min(b[a], hrOrigin[a]);
            to[a] = Math.max(b[a] + blockSize[a], hrOrigin[a] + hrPatch[a]);
        }
        Volume changed = draw.applyToHr(p.hr.crop(from[0], from[1], from[2], to[0] - from[0], to[1] - from[1],
                to[2] - from[2]), from, p.hr.shape(), p.hrMax);
        Volume lr = region.apply(changed.crop(b[0] - from[0], b[1] - from[1], b[2] - from[2], blockSize[0], blockSize[1],
                blockSize[2]));
        Volume hr = changed.crop(hrOrigin[0] - from[0], hrOrigin[1] - from[1], hrOrigin[2] - from[2], hrPatch[0],
                hrPatch[1], hrPatch[2]);
        return new Changed(draw.applyToLr(lr, p.lrMax), hr);
    }

    @Override
    public synchronized TrainingInput input() {
        if (input == null) {
            Prepared first = prepared(0);
            JsonObject deg = new JsonObject();
            JsonArray s = new JsonArray();
            for (double v : degrader.sigmaVoxelsFor(first.hr)) {
                s.add(v);
            }
            deg.add("sigma_voxels", s);
            deg.addProperty("factor", factor);
            deg.addProperty("order", degrader.order());
            deg.addProperty("prefilter", degrader.prefilter());
            deg.addProperty("pairs", "LR patch cut from the whole-volume degradation at LR origin o, HR patch at r*o");
            deg.addProperty("normalisation", first.norm.method() + ", fitted on the whole degraded LR volume");
            if (preprocessing.cubicResidual()) {
                deg.addProperty("target", "HR minus the cubic-spline upsampling of the whole normalised LR volume");
            }
            JsonObject provenance = new JsonObject();
            JsonArray data = new JsonArray();
            names.forEach(data::add);
            provenance.add("data", data);
            if (intensity.enabled()) {
                provenance.add("intensity_augment", intensity.toJson());
            }
            // the first volume's profile (older readers compare with it) and the spread of all of them
            List<double[]> sizes = new ArrayList<>();
            List<Double> means = new ArrayList<>();
            for (int i = 0; i < volumes.size(); i++) {
                Prepared p = prepared(i);
                sizes.add(lrVoxelSize(p));
                means.add(InputCheck.meanNormalised(Normalizer.apply(p.lr, p.norm).data()));
            }
            input = new TrainingInput(deg, provenance, sizes.get(0), means.get(0), first.norm,
                    preprocessing.residualOver(), contrast, InputRange.of(sizes, means));
        }
        return input;
    }

    private double[] lrVoxelSize(Prepared p) {
        double[] vs = p.hr.voxelSize();
        return new double[] {vs[0] * factor, vs[1] * factor, vs[2] * factor};
    }

    /**
     * The same source recording the given contrast ({@link Contrast#require}: a known name or
     * unknown) instead of the one its volume names say ({@link Contrast#fromFileNames}).
     */
    public DegradedPatchSource withContrast(String c) {
        DegradedPatchSource s = new DegradedPatchSource(volumes, names, hrPatch, factor, degrader, minForeground, seed,
                cacheSize, preprocessing, intensity);
        s.contrast = Contrast.require(c, "contrast");
        return s;
    }

    /** The contrast a model trained on this source records. */
    public String contrast() {
        return contrast;
    }

    /** The normalisation of volume {@code i} (fitted on its whole degraded volume). */
    public NormalizationParams normalisation(int i) {
        return prepared(i).norm;
    }

    public int volumeCount() {
        return volumes.size();
    }

    private synchronized Prepared prepared(int i) {
        Prepared p = cache.get(i);
        if (p != null) {
            return p;
        }
        Volume hr = volumes.get(i).get().trimmedToMultipleOf(factor);
        for (int a = 0; a < 3; a++) {
            if (hr.shape()[a] < hrPatch[a]) {
                throw new InvalidInputException(names.get(i), "volume " + hr.nx() + "x" + hr.ny() + "x" + hr.nz()
                        + " is smaller than the HR patch " + hrPatch[0] + "x" + hrPatch[1] + "x" + hrPatch[2]
                        + "; use a smaller --patch");
            }
        }
        Volume lr = degrader.apply(hr);
        NormalizationParams norm = preprocessing.normalizer().fit(lr);
        Volume cubic = preprocessing.cubicResidual() ? Interpolator.cubic(Normalizer.apply(lr, norm), factor) : null;
        p = new Prepared(hr, lr, norm, cubic, hr.minMax()[1], lr.minMax()[1]);
        cache.put(i, p);
        long budget = Runtime.getRuntime().maxMemory() / 2;
        while (cache.size() > cacheSize || (cache.size() > 1 && cachedBytes() > budget)) {
            Integer eldest = cache.keySet().iterator().next();
            cache.remove(eldest);
        }
        return p;
    }

    private long cachedBytes() {
        long b = 0;
        for (Prepared q : cache.values()) {
            b += q.bytes();
        }
        return b;
    }

    private double foreground(Volume hr, int[] o) {
        long n = 0;
        // a strided count is enough to rank candidate positions
        int step = 2;
        long total = 0;
        for (int z = o[2]; z < o[2] + hrPatch[2]; z += step) {
            for (int y = o[1]; y < o[1] + hrPatch[1]; y += step) {
                int base = hr.index(o[0], y, z);
                for (int x = 0; x < hrPatch[0]; x += step) {
                    total++;
                    if (hr.data()[base + x] > 0) {
                        n++;
                    }
                }
            }
        }
        return (double) n / total;
    }
}
