package org.mrisr.engine.srgan.train;

/**
 * One normalised training example: an LR patch and its HR patch, both float32 in Volume order
 * (x fastest). HR shape = factor × LR shape per axis. Values are already normalised with
 * {@link Intensity} (m from the LR volume the patch came from).
 */
public record PatchPair(float[] lr, float[] hr, int lrX, int lrY, int lrZ, int factor) {

    public PatchPair {
        if (lr.length != (long) lrX * lrY * lrZ) {
            throw new IllegalArgumentException("LR patch has " + lr.length + " values, shape " + lrX + "x" + lrY + "x" + lrZ);
        }
        if (hr.length != (long) lrX * lrY * lrZ * factor * factor * factor) {
            throw new IllegalArgumentException("HR patch has " + hr.length + " values, expected " + factor + "x the LR shape");
        }
    }

    public int hrX() {
        return lrX * factor;
    }

    public int hrY() {
        return lrY * factor;
    }

    public int hrZ() {
        return lrZ * factor;
    }
}
