package org.mrisr.nodes.learner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.srgan.train.PatchPair;
import org.mrisr.engine.srgan.train.PatchPairSource;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeValue;

/**
 * Training examples from a patch table (the Patch Extractor's output): every row with an HR and an
 * LR patch is one pair, held normalised in memory (HR 32³ + LR 16³ floats ≈ 144 KB a row).
 *
 * <p>Normalisation: the engine maps [0, m] to [−1, 1] with m the maximum of the whole LR volume a
 * patch came from (what inference has). A patch table does not carry that volume, so m is the
 * maximum over all LR patches that share the patch's source (the group column, the Patch Extractor's
 * "Source row"), or over all LR patches when there is no group column. This equals the LR volume's
 * maximum when the patches of a volume include its brightest voxel (the usual case with
 * overlapping patches over the brain) and is smaller otherwise; the node description says so.
 *
 * <p>Order: example i is row perm_e(i mod n) with e = i / n the epoch and perm_e a permutation
 * drawn from the seed and e, so every epoch visits every row once and the same seed gives the same
 * order (the trainer's determinism carries over).
 */
final class TablePatchSource implements PatchPairSource {
    private final List<PatchPair> pairs;
    private final double[] lrVoxelSize;
    private final long seed;
    private long permEpoch = -1;
    private int[] perm;

    private TablePatchSource(final List<PatchPair> pairs, final double[] lrVoxelSize, final long seed) {
        this.pairs = pairs;
        this.lrVoxelSize = lrVoxelSize;
        this.seed = seed;
    }

    /**
     * Reads the table. Rows with a missing HR or LR cell are skipped; patches must all have one shape,
     * HR = factor × LR on every axis.
     *
     * @param group column index of the source (−1: one group for the whole table)
     * @param what  "Training table" or "Validation table", for messages
     */
    static TablePatchSource read(final BufferedDataTable table, final int hr, final int lr, final int group,
        final int factor, final long seed, final String what, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException {
        List<Volume[]> raw = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<String, Double> max = new HashMap<>();
        int[] lrShape = null;
        long n = table.size();
        for (DataRow row : table) {
            exec.checkCanceled();
            exec.setProgress(raw.size() / (double)Math.max(1, n), what + ": reading patch " + (raw.size() + 1) + "/" + n);
            DataCell h = row.getCell(hr);
            DataCell l = row.getCell(lr);
            if (h.isMissing() || l.isMissing()) {
                continue;
            }
            String key = row.getKey().getString();
            Volume hv = ((VolumeValue)h).getVolume();
            Volume lv = ((VolumeValue)l).getVolume();
            int[] ls = lv.shape();
            int[] hs = hv.shape();
            for (int a = 0; a < 3; a++) {
                if (hs[a] != factor * ls[a]) {
                    throw new InvalidSettingsException(what + ", row " + key + ": HR patch " + dims(hs) + " is not "
                        + factor + " x the LR patch " + dims(ls) + "; set the factor to the Patch Extractor's");
                }
                if (ls[a] < 2) {
                    throw new InvalidSettingsException(what + ", row " + key + ": LR patch " + dims(ls)
                        + " is too small to train on (at least 2 voxels per axis)");
                }
            }
            if (lrShape == null) {
                lrShape = ls;
            } else if (!Arrays.equals(lrShape, ls)) {
                throw new InvalidSettingsException(what + ", row " + key + ": LR patch " + dims(ls)
                    + " differs from the first patch " + dims(lrShape)
                    + "; the discriminator needs one patch size: extract all patches with the same size");
            }
            String g = group < 0 || row.getCell(group).isMissing() ? "" : row.getCell(group).toString();
            double m = 0;
            for (float v : lv.data()) {
                if (v > m && Float.isFinite(v)) {
                    m = v;
                }
            }
            max.merge(g, m, Math::max);
            raw.add(new Volume[] {hv, lv});
            groups.add(g);
            keys.add(key);
        }
        if (raw.isEmpty()) {
            throw new InvalidSettingsException(what + " has no row with both an HR and an LR patch");
        }
        List<PatchPair> pairs = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            double m = max.get(groups.get(i));
            if (!(m > 0)) {
                throw new InvalidSettingsException(what + ", row " + keys.get(i) + ": the LR patches of source '"
                    + groups.get(i) + "' have no positive intensity, so they cannot be normalised;"
                    + " raise the Patch Extractor's minimum brain fraction");
            }
            // the paper's half-max normalisation with m from the source's LR patches
            NormalizationParams in = new NormalizationParams(Normalizer.HALF_MAX, Double.NaN, Double.NaN, m / 2, m / 2);
            Volume hv = raw.get(i)[0];
            Volume lv = raw.get(i)[1];
            pairs.add(new PatchPair(Normalizer.apply(lv, in).data(), Normalizer.apply(hv, in).data(), lv.nx(), lv.ny(),
                lv.nz(), factor));
        }
        return new TablePatchSource(pairs, raw.get(0)[1].voxelSize(), seed);
    }

    private static String dims(final int[] s) {
        return s[0] + "x" + s[1] + "x" + s[2];
    }

    /** Voxel size (mm) of the first LR patch: what the model records as its training input. */
    double[] lrVoxelSize() {
        return lrVoxelSize.clone();
    }

    int size() {
        return pairs.size();
    }

    /** HR patch shape (x, y, z). */
    int[] hrShape() {
        PatchPair p = pairs.get(0);
        return new int[] {p.hrX(), p.hrY(), p.hrZ()};
    }

    /** Pair {@code i} in table order (validation). */
    PatchPair get(final int i) {
        return pairs.get(i);
    }

    @Override
    public synchronized PatchPair pair(final long index) {
        int n = pairs.size();
        long epoch = index / n;
        if (epoch != permEpoch) {
            perm = permutation(n, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch));
            permEpoch = epoch;
        }
        return pairs.get(perm[(int)(index % n)]);
    }

    private static int[] permutation(final int n, final SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
