package org.mrisr.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.PyVolumes;
import org.mrisr.testutil.Python;

class NormalizerTest {

    @Test
    void paperFormulaUsesTheLrMaximum() {
        Volume lr = Degrader.of(2).apply(Ch2.betCrop(60, 60, 60));
        float max = lr.minMax()[1];
        NormalizationParams p = Normalizer.halfMax().fit(lr);
        assertEquals(max / 2.0, p.offset(), 0);
        assertEquals(max / 2.0, p.scale(), 0);
        Volume n = Normalizer.apply(lr, p);
        float[] mm = n.minMax();
        assertEquals(1.0, mm[1], 1e-6);
        assertTrue(mm[0] >= -1 - 1e-6);
        // spot check against the formula
        int i = lr.size() / 2 + 17;
        assertEquals((lr.data()[i] - max / 2.0) / (max / 2.0), n.data()[i], 1e-6);
    }

    @Test
    void everyMethodInvertsAndHrUsesTheSameParameters() {
        Volume hr = Ch2.betCrop(40, 40, 40);
        Volume lr = Degrader.of(2).apply(hr);
        for (Normalizer nz : new Normalizer[] {Normalizer.halfMax(), Normalizer.minMax(), Normalizer.percentile(1, 99),
            Normalizer.robustMax(99.5)}) {
            NormalizationParams p = nz.fit(lr);
            Volume back = Normalizer.invert(Normalizer.apply(hr, p), p);
            assertTrue(PyVolumes.maxAbsDiff(hr, back) <= 133 * 1e-6, p.toString());
        }
        NormalizationParams mm = Normalizer.minMax().fit(lr);
        float[] r = Normalizer.apply(lr, mm).minMax();
        assertEquals(-1, r[0], 1e-6);
        assertEquals(1, r[1], 1e-6);
    }

    @Test
    void percentilesMatchNumpy() {
        Python.require("numpy");
        Volume v = Ch2.betCrop(50, 61, 47);
        NormalizationParams p = Normalizer.percentile(2.5, 99.5).fit(v);
        Volume ref = PyVolumes.compute(v, "np.array([np.percentile(v, 2.5), np.percentile(v, 99.5), 0]).reshape(3,1,1)");
        double lo = ref.data()[0];
        double hi = ref.data()[1];
        assertEquals((lo + hi) / 2, p.offset(), 1e-4);
        assertEquals((hi - lo) / 2, p.scale(), 1e-4);
        float[] d = {5, 1, 4, 2, 3};
        java.util.Arrays.sort(d);
        assertEquals(3.0, Normalizer.percentileOfSorted(d, 50), 0);
        assertEquals(1.4, Normalizer.percentileOfSorted(d, 10), 1e-12);
        assertEquals(5.0, Normalizer.percentileOfSorted(d, 100), 0);
    }

    @Test
    void robustMaxUsesAForegroundPercentileSoOutliersDoNotSqueezeTheTissue() {
        Python.require("numpy");
        Volume v = Ch2.betCrop(50, 61, 47);
        NormalizationParams p = Normalizer.robustMax(99.5).fit(v);
        Volume ref = PyVolumes.compute(v, "np.array([np.percentile(v[v > 0], 99.5), 0, 0]).reshape(3,1,1)");
        assertEquals(ref.data()[0] / 2, p.offset(), 1e-4);
        assertEquals(p.offset(), p.scale(), 0);
        // ten voxels at 3x the maximum: half-max halves the tissue's range, robust-max does not move
        Volume spiked = v.copy();
        float max = v.minMax()[1];
        for (int i = 0; i < 10; i++) {
            spiked.data()[i * 97] = 3 * max;
        }
        assertEquals(3 * max / 2, Normalizer.halfMax().fit(spiked).scale(), 1e-3);
        assertEquals(p.scale(), Normalizer.robustMax(99.5).fit(spiked).scale(), 0.01 * p.scale());
        // and the spikes are kept: above 1, not clipped
        assertEquals(2 * 3 * max / ref.data()[0] - 1, Normalizer.apply(spiked, p).data()[0], 1e-3);
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> Normalizer.robustMax(99.5).fit(Volume.zeros(4, 4, 4, Affine.identity())));
        assertTrue(e.problem().contains("no voxel above 0"), e.problem());
        assertThrows(InvalidInputException.class, () -> Normalizer.robustMax(0));
    }

    @Test
    void jsonRoundTripAndReplay(@TempDir Path dir) throws Exception {
        Volume lr = Degrader.of(2).apply(Ch2.betCrop(30, 30, 30));
        for (Normalizer nz : new Normalizer[] {Normalizer.halfMax(), Normalizer.minMax(), Normalizer.percentile(0.5, 99.5),
            Normalizer.robustMax(99.5)}) {
            NormalizationParams p = nz.fit(lr);
            Path f = dir.resolve("norm.json");
            p.save(f);
            NormalizationParams q = NormalizationParams.load(f);
            assertEquals(p, q);
            assertEquals(p, Normalizer.like(q).fit(lr), "refitting the recorded method gives the same parameters");
        }
        String json = Normalizer.halfMax().fit(lr).toJson();
        assertTrue(json.startsWith("{\"method\":\"half-max\""), json);
    }

    @Test
    void badInputIsExplained(@TempDir Path dir) throws Exception {
        Volume zeros = Volume.zeros(4, 4, 4, Affine.identity());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Normalizer.halfMax().fit(zeros));
        assertTrue(e.problem().contains("maximum"), e.problem());
        assertThrows(InvalidInputException.class, () -> Normalizer.minMax().fit(zeros));
        assertThrows(InvalidInputException.class, () -> Normalizer.percentile(50, 10));
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"method\":\"half-max\",\"offset\":1}");
        e = assertThrows(InvalidInputException.class, () -> NormalizationParams.load(f));
        assertEquals(f.toString(), e.source());
        assertTrue(e.problem().contains("scale"), e.problem());
        assertThrows(InvalidInputException.class, () -> NormalizationParams.fromJson("[1,2]", "x"));
        assertThrows(InvalidInputException.class, () -> NormalizationParams.fromJson("{nope", "x"));
        assertThrows(InvalidInputException.class,
                () -> NormalizationParams.fromJson("{\"method\":\"zscore\",\"offset\":1,\"scale\":2}", "x"));
    }
}
