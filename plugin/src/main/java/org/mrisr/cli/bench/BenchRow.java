package org.mrisr.cli.bench;

/**
 * One measured figure: mrisr's value and the Python peer's, measured in the same run.
 *
 * @param section   io, ops, metrics or srgan
 * @param item      what was measured, e.g. "read ch2better.nii.gz"
 * @param unit      e.g. "MB/s", "s", "voxels/s", "MB"
 * @param mrisr     our value
 * @param peer      the peer's value (NaN when no peer ran)
 * @param peerName  e.g. "nibabel 5.0", "scipy 1.10", "pytorch 1.13"
 * @param higherIsBetter whether bigger numbers are better (throughput) or worse (time, memory)
 */
public record BenchRow(String section, String item, String unit, double mrisr, double peer, String peerName,
        boolean higherIsBetter) {

    /** How many times better mrisr is than the peer (>1: mrisr wins); NaN without a peer. */
    public double advantage() {
        if (Double.isNaN(peer) || peer == 0 || mrisr == 0) {
            return Double.NaN;
        }
        return higherIsBetter ? mrisr / peer : peer / mrisr;
    }
}
