package org.mrisr.engine.thick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Volume;

class ThickSliceModelTest {
    static final TrainingSettings SMALL = TrainingSettings.defaults().withNetwork(8, 4).withPatch(16, 4).withSteps(20);

    static double mse(Volume a, Volume b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            double d = a.data()[i] - b.data()[i];
            s += d * d;
        }
        return s / a.size();
    }

    @Test
    void refinedScanHasTheExactOutputGridAndTrainingReportsProgress() {
        Volume fine = Phantoms.ellipsoids(24, 30, 1);
        Volume thick = new SliceProfile(SliceProfile.Shape.GAUSSIAN, 3).thickSlices(fine, 2, 3);
        ThickGeometry g = ThickGeometry.detect(thick, null, null, null, "phantom");
        List<TrainingReport> reports = new ArrayList<>();
        ThickSliceModel m = ThickSliceModel.train(thick, g, SliceProfile.Shape.GAUSSIAN, SMALL, reports::add, null);
        assertEquals(20, reports.size());
        assertEquals(1.0, reports.get(19).fraction(), 1e-12);
        assertEquals(20, m.training().steps());
        List<Double> fractions = new ArrayList<>();
        Volume sr = m.predict(thick, g, Inference.defaults(), fractions::add, null);
        assertArrayEquals(new int[] {24, 24, 30}, sr.shape());
        assertEquals(0, sr.affine().maxAbsDifference(fine.affine()), 1e-12, "the fine grid the phantom was on");
        assertEquals(1.0, fractions.get(fractions.size() - 1), 0);
        assertEquals(thick.spaceCode(), sr.spaceCode());
    }

    @Test
    void learningFromTheScanBeatsCubicInterpolationOnAPhantom() {
        Volume fine = Phantoms.ellipsoids(40, 36, 2);
        Volume thick = new SliceProfile(SliceProfile.Shape.GAUSSIAN, 3).thickSlices(fine, 2, 3);
        ThickGeometry g = ThickGeometry.detect(thick, null, null, null, "phantom");
        ThickSliceModel m = ThickSliceModel.train(thick, g, SliceProfile.Shape.GAUSSIAN,
                SMALL.withSteps(150).withPatch(24, 8), null, null);
        double cubic = mse(fine, ThroughPlane.cubic(thick, 2, 3));
        double sr = mse(fine, m.predict(thick, g, Inference.defaults(), null, null));
        assertTrue(sr < 0.9 * cubic, "SR MSE " + sr + " vs cubic " + cubic);
    }

    @Test
    void stoppingKeepsWhatWasLearntAndCancellingPredictionThrows() {
        Volume thick = new SliceProfile(SliceProfile.Shape.BOX, 2).thickSlices(Phantoms.ellipsoids(20, 20, 3), 0, 2);
        ThickGeometry g = ThickGeometry.detect(thick, null, null, null, "phantom");
        assertEquals(0, g.axis());
        AtomicInteger steps = new AtomicInteger();
        ThickSliceModel m = ThickSliceModel.train(thick, g, SliceProfile.Shape.BOX, SMALL, r -> steps.incrementAndGet(),
                () -> steps.get() >= 3);
        assertEquals(3, m.training().steps());
        assertTrue(m.training().stopped());
        assertThrows(CancellationException.class, () -> m.predict(thick, g, Inference.defaults(), null, () -> true));
        List<Double> seen = new ArrayList<>();
        assertThrows(CancellationException.class,
                () -> m.predict(thick, g, Inference.defaults(), seen::add, () -> !seen.isEmpty()));
        assertEquals(List.of(0.5), seen, "stopped inside the window, after the first orientation");
        ThickGeometry other = new ThickGeometry(0, 3, 3, 3);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> m.predict(thick, other, Inference.defaults(), null, null));
        assertTrue(e.problem().contains("refines by 2"), e.problem());
    }

    @Test
    void smallWindowsGiveNearlyTheWholeScanResultWithProgressAcrossThem() {
        Volume thick = new SliceProfile(SliceProfile.Shape.GAUSSIAN, 3).thickSlices(Phantoms.ellipsoids(40, 30, 5), 2, 3);
        ThickGeometry g = ThickGeometry.detect(thick, null, null, null, "phantom");
        ThickSliceModel m = ThickSliceModel.train(thick, g, SliceProfile.Shape.GAUSSIAN, SMALL.withSteps(30), null, null);
        Volume whole = m.predict(thick, g, Inference.defaults(), null, null);
        List<Double> fractions = new ArrayList<>();
        Volume windowed = m.predict(thick, g, new Inference(24, 8, true), fractions::add, null);
        assertTrue(fractions.size() >= 8, "2 x 2 windows in-plane, 2 orientations each: " + fractions);
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress never goes back: " + fractions);
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-12);
        double diff = Math.sqrt(mse(whole, windowed));
        double cubicError = Math.sqrt(mse(whole, ThroughPlane.cubic(thick, 2, 3)));
        assertTrue(diff < 0.1 * cubicError, "windowed vs whole RMS " + diff + ", network's own change " + cubicError);
    }

    @Test
    void aStepBudgetWithASeedIsReproducible() {
        Volume thick = new SliceProfile(SliceProfile.Shape.GAUSSIAN, 2).thickSlices(Phantoms.ellipsoids(20, 20, 4), 1, 2);
        ThickGeometry g = ThickGeometry.detect(thick, null, null, null, "phantom");
        TrainingSettings s = SMALL.withSteps(5);
        Volume a = ThickSliceModel.train(thick, g, SliceProfile.Shape.GAUSSIAN, s, null, null)
                .predict(thick, g, Inference.defaults(), null, null);
        Volume b = ThickSliceModel.train(thick, g, SliceProfile.Shape.GAUSSIAN, s, null, null)
                .predict(thick, g, Inference.defaults(), null, null);
        assertArrayEquals(a.data(), b.data());
    }
}
