package org.mrisr.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.mrisr.engine.OutputFile;
import org.mrisr.engine.ops.Interpolator;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonObject;

/** {@code mrisr interpolate}: spline upsampling of a low-resolution volume, the paper's baseline. */
final class InterpolateCommand implements Command {
    @Override
    public String name() {
        return "interpolate";
    }

    @Override
    public String summary() {
        return "upsample a volume by spline interpolation (cubic by default), equal to scipy.ndimage.zoom";
    }

    @Override
    public String help() {
        return String.join("\n",
                "usage: mrisr interpolate --in LR --out OUT (--factor r[,r,r] | --shape nx,ny,nz) [--order 0|1|3]",
                "                         [--no-prefilter]",
                "",
                "Upsamples LR by r per axis exactly as scipy.ndimage.zoom(lr, r, order=3) does: output shape",
                "round(n*r) per axis (Python rounding), first and last voxel centres of each axis kept, so the",
                "affine of 'degrade' followed by 'interpolate' is the original one when the sizes come back.",
                "Prints one JSON object describing the output on stdout.",
                "",
                "  --in LR          input NIfTI (.nii, .nii.gz, .hdr/.img; volume 0 of a 4-D file)",
                "  --out OUT        output .nii or .nii.gz (float32)",
                "  --factor r       upsampling factor > 0: one value or x,y,z",
                "  --shape n        output shape nx,ny,nz instead of a factor, e.g. the HR shape when it is not",
                "                   a multiple of r (181 -> 90 -> 181): zoom(lr, shape/lr.shape), same grid rule",
                "  --order 0|1|3    nearest, linear or cubic B-spline (default 3)",
                "  --no-prefilter   use the samples as cubic spline coefficients (scipy prefilter=False)",
                "",
                "A missing or bad input file prints 'error: <file>: <problem>' and exits 2.");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        Path in = args.requiredPath("in");
        Path outPath = args.requiredPath("out");
        boolean byShape = args.has("shape");
        if (args.has("factor") == byShape) {
            throw new UsageException(byShape ? "give --factor or --shape, not both" : "missing --factor (or --shape)");
        }
        double[] factor = args.numbers("factor", 3, new double[] {1, 1, 1});
        int[] shape = byShape ? shape(args.numbers("shape", 3, null)) : null;
        int order = args.integer("order", 3);
        boolean noPrefilter = args.flag("no-prefilter");
        args.rejectUnknownAndPositional();
        for (double r : factor) {
            if (!(r > 0) || Double.isInfinite(r)) {
                throw new UsageException("--factor must be > 0 on every axis, got " + r);
            }
        }
        if (order != 0 && order != 1 && order != 3) {
            throw new UsageException("--order must be 0, 1 or 3, got " + order);
        }
        OutputFile.check(outPath, OutputFile.Kind.NIFTI);

        Volume lr = VolumeFiles.read(in);
        long t = System.nanoTime();
        Volume up = byShape ? Interpolator.toShape(lr, shape, order, !noPrefilter)
                : Interpolator.upsample(lr, factor, order, !noPrefilter);
        err.printf("interpolate: %s %dx%dx%d -> %dx%dx%d in %.2f s%n", in, lr.nx(), lr.ny(), lr.nz(), up.nx(), up.ny(),
                up.nz(), (System.nanoTime() - t) / 1e9);
        VolumeFiles.write(up, outPath);

        JsonObject j = new JsonObject();
        j.addProperty("out", outPath.toString());
        j.add("shape", DegradeCommand.ints(up.shape()));
        j.add("voxel_size_mm", DegradeCommand.doubles(up.voxelSize()));
        if (!byShape) {
            j.add("factor", DegradeCommand.doubles(factor));
        }
        j.addProperty("order", order);
        j.addProperty("prefilter", order == 3 && !noPrefilter);
        out.println(j);
        return 0;
    }

    private static int[] shape(double[] v) throws UsageException {
        int[] s = new int[3];
        for (int a = 0; a < 3; a++) {
            if (v[a] != Math.rint(v[a]) || v[a] < 1 || v[a] > Integer.MAX_VALUE) {
                throw new UsageException("--shape needs 3 positive integers nx,ny,nz, got " + v[a]);
            }
            s[a] = (int) v[a];
        }
        return s;
    }
}
