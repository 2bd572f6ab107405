package org.mrisr.engine.thick.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.metrics.DataRangePolicy;
import org.mrisr.engine.metrics.MaskMode;
import org.mrisr.engine.metrics.SsimWindow;
import org.mrisr.engine.metrics.VolumeScorer;
import org.mrisr.engine.metrics.VolumeScores;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.ops.BrainMask;
import org.mrisr.engine.thick.Inference;
import org.mrisr.engine.thick.Phantoms;
import org.mrisr.engine.thick.SliceProfile;
import org.mrisr.engine.thick.ThroughPlane;
import org.mrisr.engine.thick.TrainingSettings;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.SharedBrains;

class ThickSliceEvaluationTest {
    static final TrainingSettings TINY = TrainingSettings.defaults().withNetwork(8, 3).withPatch(16, 2).withSteps(3);

    @Test
    void simulatesTrimsRefinesAndScoresBothMethodsOnTheOriginalGrid() {
        Volume original = Phantoms.ellipsoids(24, 26, 1);
        ThickSliceEvaluation.Case c = new ThickSliceEvaluation.Case("phantom", 2, 3, SliceProfile.Shape.BOX,
                SliceProfile.Shape.GAUSSIAN);
        ThickSliceEvaluation.Result r = ThickSliceEvaluation.run(original, c, TINY, Inference.defaults(), null, null);
        assertArrayEquals(new int[] {24, 24, 24}, r.original().shape(), "26 slices trimmed to a multiple of 3");
        assertArrayEquals(new int[] {24, 24, 8}, r.thick().shape());
        assertArrayEquals(r.original().shape(), r.srVolume().shape());
        assertEquals(0, r.srVolume().affine().maxAbsDifference(original.affine()), 1e-12);
        assertArrayEquals(new SliceProfile(SliceProfile.Shape.BOX, 3).thickSlices(r.original(), 2, 3).data(), r.thick().data());
        assertArrayEquals(ThroughPlane.cubic(r.thick(), 2, 3).data(), r.cubicVolume().data());

        VolumeScorer scorer = new VolumeScorer(SsimWindow.UNIFORM7, DataRangePolicy.reference(), MaskMode.SELECT, 2);
        VolumeScores whole = scorer.score(r.original(), r.cubicVolume(), null);
        VolumeScores masked = scorer.score(r.original(), r.cubicVolume(), BrainMask.fromIntensity(r.original()).toVolume(r.original()));
        assertEquals(whole.psnr(), r.cubic().psnrWhole(), 1e-12);
        assertEquals(whole.ssim(), r.cubic().ssimWhole(), 1e-12);
        assertEquals(masked.psnr(), r.cubic().psnrMasked(), 1e-12);
        assertEquals(masked.ssim(), r.cubic().ssimMasked(), 1e-12);
        assertEquals(3, r.training().steps());
        assertEquals("phantom z x3 box (assumed gaussian)", c.label());
    }

    @Test
    void groundTruthMustBeIsotropic() {
        Volume v = Volume.zeros(20, 20, 20, Affine.diagonal(1, 1, 1.5));
        ThickSliceEvaluation.Case c = new ThickSliceEvaluation.Case("aniso", 2, 3, SliceProfile.Shape.GAUSSIAN,
                SliceProfile.Shape.GAUSSIAN);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ThickSliceEvaluation.run(v, c, TINY, Inference.defaults(), null, null));
        assertTrue(e.problem().contains("not isotropic"), e.problem());
    }

    /** On a real brain (a crop, a small network, few steps) the method already beats cubic spline through-plane. */
    @Test
    void beatsCubicSplineOnACropOfARealBrain() {
        Volume t1 = NiftiReader.read(SharedBrains.file("cstar_stroke_T1.nii.gz"));
        Volume crop = t1.crop(30, 40, 34, 64, 80, 72);
        ThickSliceEvaluation.Case c = new ThickSliceEvaluation.Case("cstar T1 crop", 2, 4, SliceProfile.Shape.GAUSSIAN,
                SliceProfile.Shape.GAUSSIAN);
        ThickSliceEvaluation.Result r = ThickSliceEvaluation.run(crop, c,
                TrainingSettings.defaults().withNetwork(16, 6).withPatch(32, 8).withSteps(120), Inference.defaults(), null, null);
        assertTrue(r.sr().psnrMasked() > r.cubic().psnrMasked() + 0.3, r.sr() + " vs cubic " + r.cubic());
        assertTrue(r.sr().ssimMasked() > r.cubic().ssimMasked(), r.sr() + " vs cubic " + r.cubic());
    }
}
