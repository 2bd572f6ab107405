package org.mrisr.cli.bench;

/**
 * One measured figure: mrisr's runs and the Python peer's, measured in the same bench run.
 *
 * @param section   io, ops, metrics, srgan or thick
 * @param item      what was measured, e.g. "read ch2better.nii.gz"
 * @param unit      e.g. "MB/s", "s", "LR voxels/s", "MB"
 * @param mrisr     our runs
 * @param peer      the peer's runs ({@link Stats#NONE} when no peer ran)
 * @param peerName  e.g. "nibabel 5.0", "scipy 1.10", "pytorch 1.13"
 * @param higherIsBetter whether bigger numbers are better (throughput) or worse (time, memory)
 * @param threads   the thread count both sides were pinned to (0: not pinned, see the section)
 * @param gflops    our achieved GFLOP/s per run ({@link NetFlops}; {@link Stats#NONE} for rows that are not a network)
 * @param peerGflops the peer's, likewise
 */
public record BenchRow(String section, String item, String unit, Stats mrisr, Stats peer, String peerName,
        boolean higherIsBetter, int threads, Stats gflops, Stats peerGflops) {

    /** A figure the section measured once per side (its own best-of or median inside), threads not pinned. */
    public BenchRow(String section, String item, String unit, double mrisr, double peer, String peerName,
            boolean higherIsBetter) {
        this(section, item, unit, Stats.of(mrisr), Double.isNaN(peer) ? Stats.NONE : Stats.of(peer), peerName,
                higherIsBetter, 0, Stats.NONE, Stats.NONE);
    }

    /** Interleaved runs of both sides with pinned threads. */
    static BenchRow of(String section, String item, String unit, Stats mrisr, Stats peer, String peerName,
            boolean higherIsBetter, int threads) {
        return new BenchRow(section, item, unit, mrisr, peer, peerName, higherIsBetter, threads, Stats.NONE, Stats.NONE);
    }

    /** The same row with the achieved GFLOP/s of both sides. */
    BenchRow withGflops(Stats ours, Stats theirs) {
        return new BenchRow(section, item, unit, mrisr, peer, peerName, higherIsBetter, threads, ours, theirs);
    }

    /** How many times better mrisr's median is than the peer's (>1: mrisr wins); NaN without a peer. */
    public double advantage() {
        double m = mrisr.median();
        double p = peer.median();
        if (Double.isNaN(p) || p == 0 || m == 0) {
            return Double.NaN;
        }
        return higherIsBetter ? m / p : p / m;
    }
}
