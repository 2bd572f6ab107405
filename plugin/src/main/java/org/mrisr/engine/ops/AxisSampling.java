package org.mrisr.engine.ops;

/**
 * Where each output sample of {@code scipy.ndimage.zoom} reads along one axis: for output index k
 * the input coordinate is {@code k·step} (grid_mode=False, step = (n_in−1)/(n_out−1)), and the
 * (order+1) input indices and spline weights scipy's {@code NI_ZoomShift} uses there.
 *
 * <p>Mode 'constant' (scipy's default): a coordinate beyond the last input sample, even by one
 * rounding error, gives cval 0 for the whole output slice. That is why for some sizes scipy's last
 * slice is 0 (e.g. 28 → 14: 13·(27/13) = 27.000000000000004 &gt; 27); {@link #zero} reproduces it.
 * Filter taps that fall outside the input are mirrored (scipy's spline mode for 'constant').
 */
final class AxisSampling {
    final int nIn;
    final int nOut;
    final int taps;
    /** Output index k lies outside the input and is cval (0). */
    final boolean[] zero;
    /** Input index of tap h for output k at [k·taps + h]. */
    final int[] index;
    /** Weight of tap h for output k at [k·taps + h]; unused for order 0 (weight 1). */
    final double[] weight;

    private AxisSampling(int nIn, int nOut, int taps) {
        this.nIn = nIn;
        this.nOut = nOut;
        this.taps = taps;
        this.zero = new boolean[nOut];
        this.index = new int[nOut * taps];
        this.weight = new double[nOut * taps];
    }

    /**
     * Outputs {@code from .. from+count-1} of this sampling reading an input box that starts at
     * {@code inFrom} and holds {@code inCount} samples (every tap of those outputs must lie in it).
     */
    AxisSampling slice(int from, int count, int inFrom, int inCount) {
        AxisSampling s = new AxisSampling(inCount, count, taps);
        for (int k = 0; k < count; k++) {
            s.zero[k] = zero[from + k];
            for (int h = 0; h < taps; h++) {
                int idx = index[(from + k) * taps + h] - inFrom;
                if (!s.zero[k] && (idx < 0 || idx >= inCount)) {
                    throw new IllegalArgumentException("tap " + (idx + inFrom) + " outside the input box");
                }
                s.index[k * taps + h] = s.zero[k] ? 0 : idx;
                s.weight[k * taps + h] = weight[(from + k) * taps + h];
            }
        }
        return s;
    }

    /** scipy's per-axis zoom value: (n_in−1)/(n_out−1), or 1 when n_out = 1. */
    static double step(int nIn, int nOut) {
        return nOut - 1 == 0 ? 1.0 : (double) (nIn - 1) / (double) (nOut - 1);
    }

    static AxisSampling of(int nIn, int nOut, int order) {
        double step = step(nIn, nOut);
        AxisSampling s = new AxisSampling(nIn, nOut, order + 1);
        for (int k = 0; k < nOut; k++) {
            double cc = (double) k * step;
            cc += 0.0; // scipy adds nprepad (0 for zoom's mode 'constant')
            if (cc < 0 || cc > nIn - 1) {
                s.zero[k] = true;
                continue;
            }
            long start = (order & 1) != 0 ? (long) Math.floor(cc) - order / 2 : (long) Math.floor(cc + 0.5) - order / 2;
            for (int h = 0; h <= order; h++) {
                long idx = start + h;
                if (idx < 0 || idx >= nIn) {
                    idx = (long) mirror(idx, nIn);
                }
                s.index[k * s.taps + h] = (int) idx;
            }
            if (order > 0) {
                splineWeights(cc, order, s.weight, k * s.taps);
            } else {
                s.weight[k] = 1.0;
            }
        }
        return s;
    }

    /** scipy's map_coordinate for NI_EXTEND_MIRROR (… c b | a b c d | c b …), same arithmetic. */
    static double mirror(double in, long len) {
        if (in < 0) {
            if (len <= 1) {
                return 0;
            }
            long sz2 = 2 * len - 2;
            in = sz2 * (long) (-in / sz2) + in;
            return in <= 1 - len ? in + sz2 : -in;
        } else if (in > len - 1) {
            if (len <= 1) {
                return 0;
            }
            long sz2 = 2 * len - 2;
            in -= sz2 * (long) (in / sz2);
            if (in >= len) {
                in = sz2 - in;
            }
        }
        return in;
    }

    /** scipy's get_spline_interpolation_weights for orders 1 and 3, written into w[off..off+order]. */
    static void splineWeights(double x, int order, double[] w, int off) {
        x -= Math.floor((order & 1) != 0 ? x : x + 0.5);
        double y = x;
        double z = 1.0 - x;
        switch (order) {
            case 1:
                w[off] = 1.0 - x;
                break;
            case 3:
                w[off + 1] = (y * y * (y - 2.0) * 3.0 + 4.0) / 6.0;
                w[off + 2] = (z * z * (z - 2.0) * 3.0 + 4.0) / 6.0;
                w[off] = z * z * z / 6.0;
                break;
            default:
                throw new IllegalArgumentException("spline order " + order + " not supported (0, 1 or 3)");
        }
        double last = 1.0;
        for (int i = 0; i < order; i++) {
            last -= w[off + i];
        }
        w[off + order] = last;
    }
}
