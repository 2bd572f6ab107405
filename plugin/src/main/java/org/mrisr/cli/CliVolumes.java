package org.mrisr.cli;

import java.io.PrintStream;
import java.util.Arrays;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nd4j.ComputeSettings;
import org.mrisr.engine.srgan.ShippedModels;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.engine.volume.Volume;

/** Small helpers the SRGAN commands share: argument shapes, regions, starting ND4J, default models. */
final class CliVolumes {
    private CliVolumes() {
    }

    static int[] ints(double[] v, String flag) throws UsageException {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || v[i] < 1) {
                throw new UsageException("--" + flag + " needs positive integers");
            }
            r[i] = (int) v[i];
        }
        return r;
    }

    /** Parses "x0,y0,z0,sx,sy,sz" (voxels); null when absent. */
    static int[] region(String s) throws UsageException {
        if (s == null) {
            return null;
        }
        String[] p = s.split(",");
        if (p.length != 6) {
            throw new UsageException("--region needs x0,y0,z0,sx,sy,sz (origin and size in voxels), got '" + s + "'");
        }
        int[] r = new int[6];
        for (int i = 0; i < 6; i++) {
            try {
                r[i] = Integer.parseInt(p[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--region: '" + p[i] + "' is not an integer");
            }
            if (r[i] < (i < 3 ? 0 : 1)) {
                throw new UsageException("--region: origin must be >= 0 and size >= 1");
            }
        }
        return r;
    }

    static Volume cropToRegion(Volume v, int[] region, String source) {
        if (region == null) {
            return v;
        }
        if (region[0] + region[3] > v.nx() || region[1] + region[4] > v.ny() || region[2] + region[5] > v.nz()) {
            throw new InvalidInputException(source, "region " + Arrays.toString(region) + " exceeds the volume "
                    + v.nx() + "x" + v.ny() + "x" + v.nz());
        }
        return v.crop(region[0], region[1], region[2], region[3], region[4], region[5]);
    }

    static UpsamplingMethod method(String s) throws UsageException {
        try {
            return UpsamplingMethod.parse(s);
        } catch (RuntimeException e) {
            throw new UsageException("--upsampling must be resize, subpixel or subpixel-nn, got '" + s + "'");
        }
    }

    /**
     * Starts ND4J with the compute settings of the {@code -Dmrisr.compute.*} system properties
     * (threads, off-heap limit, device; MRISR_JAVA_OPTS passes them), as the KNIME nodes do with
     * the preference page's; a warning (e.g. GPU asked for, CPU used) goes to {@code err}.
     */
    static void startNd4j(PrintStream err) {
        ComputeSettings s;
        try {
            s = ComputeSettings.fromSystemProperties();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(ComputeSettings.PROPERTY_PREFIX + e.source(), e.problem());
        }
        String warning = s.apply().warning();
        if (warning != null) {
            err.println("warning: " + warning);
        }
    }

    static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * The model shipped with mrisr for this factor, or an error saying none is shipped yet.
     */
    static SrModel defaultModel(int factor) {
        return ShippedModels.load(factor).orElseThrow(() -> new InvalidInputException("--model", "no default model for x"
                + factor + " is shipped with this mrisr; train one with `mrisr train` and pass --model FILE"));
    }
}
