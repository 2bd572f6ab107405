package org.mrisr.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.mrisr.engine.OutputFile;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** {@code mrisr degrade}: simulates a low-resolution scan from a high-resolution one (the paper's degradation). */
final class DegradeCommand implements Command {
    @Override
    public String name() {
        return "degrade";
    }

    @Override
    public String summary() {
        return "simulate a low-resolution volume: Gaussian blur + scipy-exact downsampling";
    }

    @Override
    public String help() {
        return String.join("\n",
                "usage: mrisr degrade --in HR --out LR --factor r[,r,r] [--sigma s[,s,s] | --sigma-mm s]",
                "                     [--order 0|1|3] [--prefilter] [--noise LEVEL [--seed N]]",
                "",
                "Blurs HR with a Gaussian, then downsamples by 1/r per axis exactly as",
                "scipy.ndimage.zoom(gaussian_filter(hr, sigma), 1/r, order=3, prefilter=False) does",
                "(the paper's evaluation degradation). Output shape round(n/r) per axis (Python rounding);",
                "the output affine keeps the first and last voxel centres of each axis in place, like scipy's",
                "grid. Prints one JSON object describing the output on stdout.",
                "",
                "  --in HR          high-resolution NIfTI (.nii, .nii.gz, .hdr/.img; volume 0 of a 4-D file)",
                "  --out LR         output .nii or .nii.gz (float32)",
                "  --factor r       downsampling factor >= 1: one value or x,y,z (e.g. 1,1,4 for thick slices)",
                "  --sigma s        Gaussian sigma in HR voxels, one value or x,y,z; 0 skips an axis (default 1)",
                "  --sigma-mm s     Gaussian sigma in mm instead, converted with the HR voxel size",
                "  --order 0|1|3    spline order of the downsampling (default 3; the paper trained with 0)",
                "  --prefilter      prefilter the cubic spline (scipy's default, not the paper's: off by default)",
                "  --noise LEVEL    add Rician noise of sigma LEVEL x max(LR) after downsampling (default 0)",
                "  --seed N         noise seed (default 0)",
                "",
                "A missing or bad input file prints 'error: <file>: <problem>' and exits 2.");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        Path in = args.requiredPath("in");
        Path outPath = args.requiredPath("out");
        if (!args.has("factor")) {
            throw new UsageException("missing --factor");
        }
        double[] factor = args.numbers("factor", 3, null);
        boolean hasSigma = args.has("sigma");
        boolean hasSigmaMm = args.has("sigma-mm");
        double[] sigma = args.numbers("sigma", 3, new double[] {1, 1, 1});
        double sigmaMm = args.number("sigma-mm", Double.NaN);
        int order = args.integer("order", 3);
        boolean prefilter = args.flag("prefilter");
        double noise = args.number("noise", 0);
        long seed = args.longValue("seed", 0);
        args.rejectUnknownAndPositional();
        if (hasSigma && hasSigmaMm) {
            throw new UsageException("give --sigma or --sigma-mm, not both");
        }
        for (double r : factor) {
            if (!(r >= 1) || Double.isInfinite(r)) {
                throw new UsageException("--factor must be >= 1 on every axis, got " + r);
            }
        }
        if (order != 0 && order != 1 && order != 3) {
            throw new UsageException("--order must be 0, 1 or 3, got " + order);
        }
        if (args.has("seed") && noise == 0) {
            throw new UsageException("--seed only matters with --noise");
        }
        OutputFile.check(outPath, OutputFile.Kind.NIFTI);
        Degrader d = Degrader.of(factor).withOrder(order).withPrefilter(prefilter).withRicianNoise(noise, seed);
        d = hasSigmaMm ? d.withSigmaMm(sigmaMm) : d.withSigma(sigma);

        Volume hr = VolumeFiles.read(in);
        long t = System.nanoTime();
        Volume lr = d.apply(hr);
        err.printf("degrade: %s %dx%dx%d -> %dx%dx%d in %.2f s%n", in, hr.nx(), hr.ny(), hr.nz(), lr.nx(), lr.ny(), lr.nz(),
                (System.nanoTime() - t) / 1e9);
        VolumeFiles.write(lr, outPath);

        JsonObject j = new JsonObject();
        j.addProperty("out", outPath.toString());
        j.add("shape", ints(lr.shape()));
        j.add("voxel_size_mm", doubles(lr.voxelSize()));
        j.add("factor", doubles(d.factors()));
        j.add("sigma_voxels", doubles(d.sigmaVoxelsFor(hr)));
        j.addProperty("order", order);
        j.addProperty("prefilter", prefilter);
        j.addProperty("noise", noise);
        out.println(j);
        return 0;
    }

    static JsonArray ints(int[] v) {
        JsonArray a = new JsonArray();
        for (int x : v) {
            a.add(x);
        }
        return a;
    }

    static JsonArray doubles(double[] v) {
        JsonArray a = new JsonArray();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }
}
