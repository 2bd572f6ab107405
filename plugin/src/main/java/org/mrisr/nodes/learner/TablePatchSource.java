package org.mrisr.nodes.learner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.srgan.train.PatchPair;
import org.mrisr.engine.srgan.train.TrainingData;
import org.mrisr.engine.srgan.train.TrainingInput;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeValue;

/**
 * Training examples from a patch table (the Patch Extractor's output): every row with an HR and an
 * LR patch is one pair, held normalised in memory (HR 32³ + LR 16³ floats ≈ 144 KB a row).
 *
 * <p>Normalisation ({@link PatchPair}'s contract): the engine's half-max {@link Normalizer} fitted
 * on the LR volume a patch came from. A patch table does not carry that volume, so the normaliser
 * is fitted on all LR patches that share the patch's source (the group column, the Patch
 * Extractor's "Source row"), or on all LR patches when there is no group column. Their maximum
 * equals the LR volume's when the patches of a volume include its brightest voxel (the usual case
 * with overlapping patches over the brain) and is smaller otherwise; the node description says so.
 *
 * <p>Order: example i is row perm_e(i mod n) with e = i / n the epoch and perm_e a permutation
 * drawn from the seed and e, so every epoch visits every row once and the same seed gives the same
 * order (the trainer's determinism carries over).
 */
final class TablePatchSource implements TrainingData {
    private final List<PatchPair> pairs;
    private final TrainingInput input;
    private final long seed;
    private long permEpoch = -1;
    private int[] perm;

    private TablePatchSource(final List<PatchPair> pairs, final TrainingInput input, final long seed) {
        this.pairs = pairs;
        this.input = input;
        this.seed = seed;
    }

    /** One row's patches before normalisation. */
    private record Row(String key, String group, Volume hr, Volume lr) {
    }

    /**
     * Reads the table. Rows with a missing HR or LR cell are skipped; patches must all have one shape,
     * HR = factor × LR on every axis.
     *
     * @param columns HR, LR and (optional) source column of the table
     * @param what    "Training table" or "Validation table", for messages
     */
    static TablePatchSource read(final BufferedDataTable table, final PatchColumns columns, final int factor,
        final long seed, final String what, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException {
        List<Row> rows = rows(table, columns, factor, what, exec);
        Map<String, List<Volume>> lrByGroup = new LinkedHashMap<>();
        for (Row r : rows) {
            lrByGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r.lr());
        }
        Map<String, NormalizationParams> norm = new LinkedHashMap<>();
        List<PatchPair> pairs = new ArrayList<>(rows.size());
        for (Row r : rows) {
            NormalizationParams p = norm.get(r.group());
            if (p == null) {
                p = fit(lrByGroup.get(r.group()), r, what);
                norm.put(r.group(), p);
            }
            pairs.add(PatchPair.normalised(r.lr(), r.hr(), factor, p));
        }
        TrainingInput input = TableProvenance.input(factor, columns.groupName(table.getDataTableSpec()), pairs,
            rows.get(0).lr().voxelSize(), table.size());
        return new TablePatchSource(pairs, input, seed);
    }

    private static List<Row> rows(final BufferedDataTable table, final PatchColumns columns, final int factor,
        final String what, final ExecutionMonitor exec) throws InvalidSettingsException, CanceledExecutionException {
        List<Row> rows = new ArrayList<>();
        int[] lrShape = null;
        long n = table.size();
        for (DataRow row : table) {
            exec.checkCanceled();
            exec.setProgress(rows.size() / (double)Math.max(1, n), what + ": reading patch " + (rows.size() + 1) + "/" + n);
            DataCell h = row.getCell(columns.hr());
            DataCell l = row.getCell(columns.lr());
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
            int g = columns.group();
            String group = g < 0 || row.getCell(g).isMissing() ? "" : row.getCell(g).toString();
            rows.add(new Row(key, group, hv, lv));
        }
        if (rows.isEmpty()) {
            throw new InvalidSettingsException(what + " has no row with both an HR and an LR patch");
        }
        return rows;
    }

    /** The engine's half-max normaliser fitted on every LR voxel of one source's patches. */
    private static NormalizationParams fit(final List<Volume> lrPatches, final Row first, final String what)
        throws InvalidSettingsException {
        int n = 0;
        for (Volume v : lrPatches) {
            n += v.size();
        }
        float[] all = new float[n];
        int at = 0;
        for (Volume v : lrPatches) {
            System.arraycopy(v.data(), 0, all, at, v.size());
            at += v.size();
        }
        try {
            // the voxels as one n x 1 x 1 volume: the fit reads intensities only, not geometry
            return Normalizer.halfMax().fit(new Volume(n, 1, 1, all, Affine.identity()));
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException(what + ", row " + first.key() + ": the LR patches of source '"
                + first.group() + "' cannot be normalised (" + e.problem() + "): they have no positive intensity or a"
                + " non-finite one; raise the Patch Extractor's minimum brain fraction or repair the volume", e);
        }
    }

    private static String dims(final int[] s) {
        return s[0] + "x" + s[1] + "x" + s[2];
    }

    @Override
    public TrainingInput input() {
        return input;
    }

    int size() {
        return pairs.size();
    }

    /** HR patch shape (x, y, z). */
    int[] hrShape() {
        PatchPair p = pairs.get(0);
        return new int[] {p.hrX(), p.hrY(), p.hrZ()};
    }

    /** Every pair in table order (a validation set). */
    List<PatchPair> pairs() {
        return pairs;
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
