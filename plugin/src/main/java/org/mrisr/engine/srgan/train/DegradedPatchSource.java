package org.mrisr.engine.srgan.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.srgan.InputCheck;
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
 * own would exaggerate that drift several-fold). Both sides are normalised with the
 * half-max parameters ({@link Normalizer#halfMax()}) fitted on the whole degraded volume, which is
 * what inference fits on its input.
 *
 * <p>Volumes are loaded lazily through their suppliers and at most {@code cacheSize} prepared
 * (HR, LR) volumes are held, so the dataset never has to fit in memory.
 *
 * <p>A model trained on it records ({@link #input()}) the degradation, the volume names (training
 * key {@code data}), and the voxel size, normalisation and mean intensity of the first volume's
 * degradation as training saw it (trimmed to a multiple of r).
 */
public final class DegradedPatchSource implements TrainingData {
    /** Tries per example to find a patch with enough foreground before taking the best seen. */
    private static final int FOREGROUND_TRIES = 20;

    private final List<Supplier<Volume>> volumes;
    private final List<String> names;
    private final int[] hrPatch;
    private final int factor;
    private final Degrader degrader;
    private final double minForeground;
    private final long seed;
    private final int cacheSize;
    private final Map<Integer, Prepared> cache = new LinkedHashMap<>(4, 0.75f, true);
    private TrainingInput input;

    private record Prepared(Volume hr, Volume lr, NormalizationParams norm) {
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
        Volume lr = p.lr.crop(best[0], best[1], best[2], lrPatch[0], lrPatch[1], lrPatch[2]);
        Volume hr = p.hr.crop(best[0] * factor, best[1] * factor, best[2] * factor, hrPatch[0], hrPatch[1], hrPatch[2]);
        return PatchPair.normalised(lr, hr, factor, p.norm);
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
            deg.addProperty("normalisation", "(x - m/2)/(m/2), m = max of the whole degraded LR volume");
            JsonObject provenance = new JsonObject();
            JsonArray data = new JsonArray();
            names.forEach(data::add);
            provenance.add("data", data);
            double[] vs = first.hr.voxelSize();
            double[] lrVs = {vs[0] * factor, vs[1] * factor, vs[2] * factor};
            double mean = InputCheck.meanNormalised(Normalizer.apply(first.lr, first.norm).data());
            input = new TrainingInput(deg, provenance, lrVs, mean, first.norm);
        }
        return input;
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
        p = new Prepared(hr, lr, Normalizer.halfMax().fit(lr));
        cache.put(i, p);
        while (cache.size() > cacheSize) {
            Integer eldest = cache.keySet().iterator().next();
            cache.remove(eldest);
        }
        return p;
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
