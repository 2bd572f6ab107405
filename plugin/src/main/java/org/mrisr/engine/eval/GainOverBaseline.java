package org.mrisr.engine.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mrisr.engine.metrics.Summary;

/**
 * How much a method gains over a baseline (normally cubic spline), paired per volume or block: the
 * mean of per-block differences with their spread, and in how many blocks the method won. A method
 * that beats the baseline "on average" but loses half the blocks is visible here, which the two
 * Table-1 rows alone do not show.
 *
 * @param method    the compared method
 * @param psnr      summary of PSNR(method) − PSNR(baseline) in dB over the paired blocks
 * @param ssim      summary of SSIM(method) − SSIM(baseline)
 * @param psnrWins  blocks where the method's PSNR is higher
 * @param ssimWins  blocks where the method's SSIM is higher
 */
public record GainOverBaseline(String method, Summary psnr, Summary ssim, int psnrWins, int ssimWins) {

    /** Paired blocks. */
    public int count() {
        return ssim.count();
    }

    /**
     * The gain of every method other than {@code baseline} (first-seen order) for one policy. Pairs
     * whose PSNR difference is not finite (a block reproduced exactly) are left out of the PSNR summary
     * but still counted as a win when the method's PSNR is infinite.
     *
     * @throws IllegalArgumentException when the baseline has no rows, or a method lacks a block the
     *         baseline has (the comparison would not be paired)
     */
    public static List<GainOverBaseline> of(final List<MethodComparison.Row> rows, final String baseline,
        final String policy) {
        Map<String, MethodComparison.Row> base = new LinkedHashMap<>();
        Map<String, Map<String, MethodComparison.Row>> byMethod = new LinkedHashMap<>();
        for (MethodComparison.Row r : rows) {
            String key = r.volume() + "\u0000" + r.block();
            if (r.method().equals(baseline)) {
                base.put(key, r);
            } else {
                byMethod.computeIfAbsent(r.method(), k -> new LinkedHashMap<>()).put(key, r);
            }
        }
        if (base.isEmpty()) {
            throw new IllegalArgumentException("no rows for the baseline '" + baseline + "'");
        }
        List<GainOverBaseline> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, MethodComparison.Row>> e : byMethod.entrySet()) {
            List<Double> dp = new ArrayList<>();
            double[] ds = new double[base.size()];
            int i = 0;
            int pw = 0;
            int sw = 0;
            for (Map.Entry<String, MethodComparison.Row> b : base.entrySet()) {
                MethodComparison.Row m = e.getValue().get(b.getKey());
                if (m == null) {
                    throw new IllegalArgumentException(e.getKey() + " has no score for " + b.getKey().replace('\u0000', ' ')
                        + ", which '" + baseline + "' has");
                }
                double p = m.policy(policy).psnr() - b.getValue().policy(policy).psnr();
                if (Double.isFinite(p)) {
                    dp.add(p);
                }
                if (p > 0 || m.policy(policy).psnr() == Double.POSITIVE_INFINITY
                    && b.getValue().policy(policy).psnr() != Double.POSITIVE_INFINITY) {
                    pw++;
                }
                ds[i] = m.policy(policy).ssim() - b.getValue().policy(policy).ssim();
                if (ds[i] > 0) {
                    sw++;
                }
                i++;
            }
            Summary psnr = dp.isEmpty() ? new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : Summary.of(dp.stream().mapToDouble(Double::doubleValue).toArray());
            out.add(new GainOverBaseline(e.getKey(), psnr, Summary.of(ds), pw, sw));
        }
        return out;
    }

    /** Text rows: method, ΔPSNR mean ± std (wins/n), ΔSSIM mean ± std (wins/n), for one policy. */
    public static String table(final List<MethodComparison.Row> rows, final String baseline) {
        int w = 12;
        for (MethodComparison.Row r : rows) {
            w = Math.max(w, r.method().length());
        }
        StringBuilder sb = new StringBuilder();
        for (String policy : MethodComparison.POLICIES) {
            sb.append(String.format(Locale.ROOT, "gain over %s, policy %s (per block: mean ± std, blocks won)%n", baseline,
                policy));
            sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %-26s %s%n", "method", "ΔPSNR (dB)", "ΔSSIM"));
            for (GainOverBaseline g : of(rows, baseline, policy)) {
                sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %+6.2f ± %4.2f (%d/%d)        %+.4f ± %.4f (%d/%d)%n",
                    g.method(), g.psnr().mean(), g.psnr().std(), g.psnrWins(), g.count(), g.ssim().mean(),
                    g.ssim().std(), g.ssimWins(), g.count()));
            }
        }
        return sb.toString();
    }
}
