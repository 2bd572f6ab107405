package org.mrisr.cli;

import java.io.PrintStream;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.mrisr.engine.nifti.NiftiHeader;
import org.mrisr.engine.nifti.NiftiImage;
import org.mrisr.engine.nifti.NiftiReader;
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
                "usage: mrisr info FILE [--volume N] [--max-voxels N]",
                "",
                "Reads FILE (.nii, .nii.gz, .hdr/.img pair) completely, voxels included, so a truncated or",
                "corrupt file is caught, and prints one JSON object on stdout: file, nifti_version,",
                "endianness, dims ([nx,ny,nz] or [nx,ny,nz,nt]), volumes, volume, voxel_size_mm, datatype,",
                "bitpix, scl_slope, scl_inter (null when unset), scaled, affine (4 rows, voxel to world mm),",
                "transform (sform|qform|pixdim), space_code, qform_code, sform_code, xyzt_units, vox_offset,",
                "descrip, and min, max, nan_count of the chosen volume after scaling.",
                "",
                "  --volume N      which volume of a 4-D file to describe (default 0)",
                "  --max-voxels N  refuse volumes with more voxels than this (default " + NiftiReader.DEFAULT_MAX_VOXELS + ")",
                "",
                "A bad file prints 'error: <file>: <problem>' on stderr and exits 2.");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        int volume = args.integer("volume", 0);
        long maxVoxels = args.longValue("max-voxels", NiftiReader.DEFAULT_MAX_VOXELS);
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
        float[] mm = v.minMax();
        j.add("min", number(mm[0]));
        j.add("max", number(mm[1]));
        long nan = 0;
        for (float x : v.data()) {
            if (x != x) {
                nan++;
            }
        }
        j.addProperty("nan_count", nan);
        return j;
    }

    /** JSON has no NaN or infinity: those become null. */
    private static JsonElement number(double x) {
        return Double.isFinite(x) ? new JsonPrimitive(x) : JsonNull.INSTANCE;
    }
}
