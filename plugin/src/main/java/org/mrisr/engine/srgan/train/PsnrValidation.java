package org.mrisr.engine.srgan.train;

import java.util.List;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.metrics.DataRangePolicy;
import org.mrisr.engine.metrics.Psnr;
import org.mrisr.engine.metrics.ScoreRegion;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.volume.Volume;

/**
 * Mean PSNR (dB, data range max − min over both volumes, as the paper's evaluation) of whole-volume
 * predictions of LR volumes against their HR originals. The volumes are held in memory, so keep the
 * validation set small.
 */
public final class PsnrValidation implements Validation {
    private final List<Volume> lr;
    private final List<Volume> hr;
    private final PredictOptions options;

    public PsnrValidation(List<Volume> lr, List<Volume> hr, PredictOptions options) {
        if (lr.size() != hr.size() || lr.isEmpty()) {
            throw new InvalidInputException("validation set",
                    "needs as many HR as LR volumes and at least one pair");
        }
        this.lr = List.copyOf(lr);
        this.hr = List.copyOf(hr);
        this.options = options;
    }

    @Override
    public double score(SrModel model) {
        double sum = 0;
        for (int i = 0; i < lr.size(); i++) {
            Volume sr = model.predict(lr.get(i), options);
            Volume ref = hr.get(i);
            if (!ref.sameShape(sr)) {
                throw new InvalidInputException("validation pair " + i, "HR volume " + ref.nx() + "x"
                        + ref.ny() + "x" + ref.nz() + " is not " + model.factor() + "x its LR volume");
            }
            sum += Psnr.of(ref, sr, ScoreRegion.all(ref.size()), DataRangePolicy.paper());
        }
        return sum / lr.size();
    }
}
