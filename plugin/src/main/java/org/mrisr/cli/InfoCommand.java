package org.mrisr.cli;

import java.io.PrintStream;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.mrisr.engine.nifti.NiftiHeader;
import org.mrisr.engine.nifti.NiftiImage;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.volume.NonFinite;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** {@code mrisr info FILE}: checks a NIfTI file as a full read does and describes it as JSON. */
final class InfoCommand implements Command {
    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return "check a NIfTI file and print its geometry and value range as JSON";
    }

    @Override
    public String help() {
        return String.join("\n",
                "usage: mrisr info FILE [--volume N] [--max-voxels N] [--nonfinite zero|refuse]",
                "",
                "Reads FILE (.nii, .nii.gz, .hdr/.img pair) completely, voxels included, so a truncated or",
                "corrupt file is caught, and prints one JSON object on stdout: file, nifti_version,",
                "endianness, dims ([nx,ny,nz] or [nx,ny,nz,nt]), volumes, volume, voxel_size_mm, datatype,",
                "bitpix, scl_slope, scl_inter (null when unset), scaled, affine (4 rows, voxel to world mm),",
                "transform (sform|qform|pixdim), space_code, qform_code, sform_code, xyzt_units, vox_offset,",
                "descrip, and of the chosen volume after scaling: nan_count, posinf_count, neginf_count (as in",
                "the file) and min, max of its finite voxels (null when there are none).",
                "",
                "  --volume N      which volume of a 4-D file to describe (default 0)",
                "  --max-voxels N  refuse volumes with more voxels than this (default " + NiftiReader.DEFAULT_MAX_VOXELS + ")",
                CommandFiles.NONFINITE_HELP,
                "                  (the JSON always counts them; with zero a warning goes to stderr)",
                "",
                "A bad file prints 'error: <file>: <problem>' on stderr and exits 2.");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        int volume = args.integer("volume", 0);
        long maxVoxels = args.longValue("max-voxels", NiftiReader.DEFAULT_MAX_VOXELS);
        CommandFiles files = CommandFiles.reading(args, err);
        args.rejectUnknown();
        if (args.positional().size() != 1) {
            throw new UsageException(args.positional().isEmpty() ? "missing FILE" : "expected one FILE, got " + args.positional());
        }
        if (volume < 0) {
            throw new UsageException("--volume must be >= 0, got " + volume);
        }
        if (maxVoxels < 1) {
            throw new UsageException("--max-voxels must be positive, got " + maxVoxels);
        }
        Path file = Path.of(args.positional().get(0));
        NiftiImage img = new NiftiReader().volume(volume).maxVoxels(maxVoxels).verifyAllVolumes(true).readImage(file);
        // the policy's warning or refusal; the description counts the file's voxels as they are
        files.clean(img.volume(), file.toString());
        out.println(describe(file, img));
        return 0;
    }

    static JsonObject describe(Path file, NiftiImage img) {
        NiftiHeader h = img.header();
        Volume v = img.volume();
        JsonObject j = new JsonObject();
        j.addProperty("file", file.toString());
        j.addProperty("nifti_version", h.version());
        j.addProperty("endianness", h.byteOrder() == ByteOrder.LITTLE_ENDIAN ? "little" : "big");
        JsonArray dims = new JsonArray();
        for (int d : v.shape()) {
            dims.add(d);
        }
        if (img.volumes() > 1) {
            dims.add(img.volumes());
        }
        j.add("dims", dims);
        j.addProperty("volumes", img.volumes());
        j.addProperty("volume", img.index());
        JsonArray vs = new JsonArray();
        for (double s : v.voxelSize()) {
            vs.add(s);
        }
        j.add("voxel_size_mm", vs);
        j.addProperty("datatype", h.datatype().label());
        j.addProperty("bitpix", h.bitpix());
        j.add("scl_slope", number(h.sclSlope()));
        j.add("scl_inter", number(h.sclInter()));
        j.addProperty("scaled", h.isScaled());
        JsonArray aff = new JsonArray();
        for (int r = 0; r < 4; r++) {
            JsonArray row = new JsonArray();
            for (double x : v.affine().row(r)) {
                row.add(x);
            }
            aff.add(row);
        }
        j.add("affine", aff);
        j.addProperty("transform", img.transform().kind());
        j.addProperty("space_code", img.transform().spaceCode());
        j.addProperty("qform_code", h.qformCode());
        j.addProperty("sform_code", h.sformCode());
        j.addProperty("xyzt_units", h.xyztUnits());
        j.addProperty("vox_offset", (long) h.voxOffset());
        j.addProperty("descrip", h.descrip());
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float x : v.data()) {
            if (Float.isFinite(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        j.add("min", number(lo));
        j.add("max", number(hi));
        NonFinite.Count c = NonFinite.count(v.data());
        j.addProperty("nan_count", c.nan());
        j.addProperty("posinf_count", c.positiveInfinity());
        j.addProperty("neginf_count", c.negativeInfinity());
        return j;
    }

    /** JSON has no NaN or infinity: those become null. */
    private static JsonElement number(double x) {
        return Double.isFinite(x) ? new JsonPrimitive(x) : JsonNull.INSTANCE;
    }
}
