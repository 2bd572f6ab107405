package org.mrisr.engine.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A parsed NIfTI-1 (348-byte) or NIfTI-2 (540-byte) header, either byte order. Values are kept as
 * stored, widened to long/double so both versions share one type; nothing is "fixed" here. Parsing
 * checks only what is needed to trust the layout (sizeof_hdr, magic, dim[0], positive extents);
 * {@link NiftiReader} checks the rest (datatype, bitpix, vox_offset, sizes) before reading voxels.
 *
 * <p>Read a header alone with {@link NiftiReader#readHeader(java.nio.file.Path)}.
 */
public final class NiftiHeader {
    /** sizeof_hdr of NIfTI-1 and NIfTI-2. */
    public static final int NIFTI1_SIZE = 348;
    public static final int NIFTI2_SIZE = 540;

    private final int version;
    private final ByteOrder order;
    private final long[] dim;
    private final int datatype;
    private final int bitpix;
    private final double[] pixdim;
    private final double voxOffset;
    private final double sclSlope;
    private final double sclInter;
    private final int qformCode;
    private final int sformCode;
    private final double[] quatern; // b, c, d
    private final double[] qoffset; // x, y, z
    private final double[][] srow; // 3 rows of 4
    private final int xyztUnits;
    private final int intentCode;
    private final String intentName;
    private final String descrip;
    private final String magic;
    private final double calMin;
    private final double calMax;

    private NiftiHeader(Builder b) {
        version = b.version;
        order = b.order;
        dim = b.dim;
        datatype = b.datatype;
        bitpix = b.bitpix;
        pixdim = b.pixdim;
        voxOffset = b.voxOffset;
        sclSlope = b.sclSlope;
        sclInter = b.sclInter;
        qformCode = b.qformCode;
        sformCode = b.sformCode;
        quatern = b.quatern;
        qoffset = b.qoffset;
        srow = b.srow;
        xyztUnits = b.xyztUnits;
        intentCode = b.intentCode;
        intentName = b.intentName;
        descrip = b.descrip;
        magic = b.magic;
        calMin = b.calMin;
        calMax = b.calMax;
    }

    /**
     * The header size and byte order announced by the first four bytes (sizeof_hdr), as
     * {size, 0 little / 1 big}; throws when they are neither 348 nor 540 in either order.
     */
    static int[] sniff(byte[] first4, String source) {
        int le = ByteBuffer.wrap(first4, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int be = ByteBuffer.wrap(first4, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        if (le == NIFTI1_SIZE || le == NIFTI2_SIZE) {
            return new int[] {le, 0};
        }
        if (be == NIFTI1_SIZE || be == NIFTI2_SIZE) {
            return new int[] {be, 1};
        }
        String hint = (first4[0] & 0xff) == 0x1f && (first4[1] & 0xff) == 0x8b
                ? " (the file is gzip-compressed: name it .nii.gz)" : "";
        throw new NiftiFormatException(source, "not a NIfTI file: sizeof_hdr is " + le + " (expected 348 for NIfTI-1 or 540 for NIfTI-2)" + hint);
    }

    /** Parses a complete header (348 or 540 bytes, as announced by its first four bytes). */
    public static NiftiHeader parse(byte[] bytes, String source) {
        if (bytes.length < 4) {
            throw new NiftiFormatException(source, "truncated header: " + bytes.length + " bytes");
        }
        int[] s = sniff(bytes, source);
        if (bytes.length < s[0]) {
            throw new NiftiFormatException(source, "truncated header: " + bytes.length + " of " + s[0] + " bytes");
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes, 0, s[0]).order(s[1] == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        Builder b = s[0] == NIFTI1_SIZE ? parse1(bb) : parse2(bb);
        b.order = bb.order();
        NiftiHeader h = new NiftiHeader(b);
        h.checkLayout(source);
        return h;
    }

    private static Builder parse1(ByteBuffer bb) {
        Builder b = new Builder();
        b.version = 1;
        b.dim = new long[8];
        for (int i = 0; i < 8; i++) {
            b.dim[i] = bb.getShort(40 + 2 * i);
        }
        b.intentCode = bb.getShort(68);
        b.datatype = bb.getShort(70);
        b.bitpix = bb.getShort(72);
        b.pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            b.pixdim[i] = bb.getFloat(76 + 4 * i);
        }
        b.voxOffset = bb.getFloat(108);
        b.sclSlope = bb.getFloat(112);
        b.sclInter = bb.getFloat(116);
        b.xyztUnits = bb.get(123) & 0xff;
        b.calMax = bb.getFloat(124);
        b.calMin = bb.getFloat(128);
        b.descrip = text(bb, 148, 80);
        b.qformCode = bb.getShort(252);
        b.sformCode = bb.getShort(254);
        b.quatern = new double[] {bb.getFloat(256), bb.getFloat(260), bb.getFloat(264)};
        b.qoffset = new double[] {bb.getFloat(268), bb.getFloat(272), bb.getFloat(276)};
        b.srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                b.srow[r][c] = bb.getFloat(280 + 16 * r + 4 * c);
            }
        }
        b.intentName = text(bb, 328, 16);
        b.magic = text(bb, 344, 4);
        return b;
    }

    private static Builder parse2(ByteBuffer bb) {
        Builder b = new Builder();
        b.version = 2;
        b.magic = text(bb, 4, 4);
        b.datatype = bb.getShort(12);
        b.bitpix = bb.getShort(14);
        b.dim = new long[8];
        for (int i = 0; i < 8; i++) {
            b.dim[i] = bb.getLong(16 + 8 * i);
        }
        b.pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            b.pixdim[i] = bb.getDouble(104 + 8 * i);
        }
        b.voxOffset = bb.getLong(168);
        b.sclSlope = bb.getDouble(176);
        b.sclInter = bb.getDouble(184);
        b.calMax = bb.getDouble(192);
        b.calMin = bb.getDouble(200);
        b.descrip = text(bb, 240, 80);
        b.qformCode = bb.getInt(344);
        b.sformCode = bb.getInt(348);
        b.quatern = new double[] {bb.getDouble(352), bb.getDouble(360), bb.getDouble(368)};
        b.qoffset = new double[] {bb.getDouble(376), bb.getDouble(384), bb.getDouble(392)};
        b.srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                b.srow[r][c] = bb.getDouble(400 + 32 * r + 8 * c);
            }
        }
        b.xyztUnits = bb.getInt(500);
        b.intentCode = bb.getInt(504);
        b.intentName = text(bb, 508, 16);
        return b;
    }

    private static String text(ByteBuffer bb, int at, int len) {
        int n = 0;
        while (n < len && bb.get(at + n) != 0) {
            n++;
        }
        byte[] raw = new byte[n];
        bb.get(at, raw);
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    private void checkLayout(String source) {
        String want = version == 1 ? "n+1/ni1" : "n+2/ni2";
        if (!isSingleFile() && !isPair()) {
            String shown = magic.isEmpty() ? "no magic" : "magic '" + printable(magic) + "'";
            String analyze = version == 1 && magic.isEmpty() ? "; this looks like an Analyze 7.5 header, which mrisr does not read" : "";
            throw new NiftiFormatException(source, "not a NIfTI-" + version + " header: " + shown + " (expected " + want + ")" + analyze);
        }
        if (dim[0] < 1 || dim[0] > 7) {
            throw new NiftiFormatException(source, "dim[0] is " + dim[0] + ": the number of dimensions must be 1..7");
        }
        for (int i = 1; i <= dim[0]; i++) {
            if (dim[i] < 1) {
                throw new NiftiFormatException(source, "dim[" + i + "] is " + dim[i] + ": image extents must be at least 1 (dims " + dimsText() + ")");
            }
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }

    /** Magic n+1 / n+2: header and voxels in one .nii file. */
    public boolean isSingleFile() {
        return magic.equals(version == 1 ? "n+1" : "n+2");
    }

    /** Magic ni1 / ni2: a .hdr whose voxels live in a separate .img. */
    public boolean isPair() {
        return magic.equals(version == 1 ? "ni1" : "ni2");
    }

    /** The used dims as text, e.g. "181x217x181". */
    public String dimsText() {
        StringBuilder sb = new StringBuilder();
        long n = Math.max(1, Math.min(7, dim[0]));
        for (int i = 1; i <= n; i++) {
            sb.append(i == 1 ? "" : "x").append(dim[i]);
        }
        return sb.toString();
    }

    /** 1 or 2. */
    public int version() {
        return version;
    }

    public ByteOrder byteOrder() {
        return order;
    }

    /** sizeof_hdr: 348 or 540. */
    public int headerSize() {
        return version == 1 ? NIFTI1_SIZE : NIFTI2_SIZE;
    }

    /** dim[0..7] as stored (dim[0] = number of dimensions). */
    public long[] dim() {
        return dim.clone();
    }

    /** Extent of axis i (1..7), 1 beyond dim[0] as the standard says. */
    public long extent(int axis) {
        return axis <= dim[0] ? dim[axis] : 1;
    }

    public int datatypeCode() {
        return datatype;
    }

    /** The datatype, or null for an unknown code. */
    public NiftiDatatype datatype() {
        return NiftiDatatype.ofCode(datatype);
    }

    public int bitpix() {
        return bitpix;
    }

    /** pixdim[0..7] as stored (pixdim[0] is qfac). */
    public double[] pixdim() {
        return pixdim.clone();
    }

    public double voxOffset() {
        return voxOffset;
    }

    public double sclSlope() {
        return sclSlope;
    }

    public double sclInter() {
        return sclInter;
    }

    /**
     * Whether scl_slope/scl_inter change values: slope 0, NaN or infinite means unscaled (the
     * intercept is then ignored), as does slope 1 with intercept 0.
     */
    public boolean isScaled() {
        return sclSlope != 0 && Double.isFinite(sclSlope) && !(sclSlope == 1 && sclInter == 0);
    }

    public int qformCode() {
        return qformCode;
    }

    public int sformCode() {
        return sformCode;
    }

    /** quatern_b, quatern_c, quatern_d. */
    public double[] quatern() {
        return quatern.clone();
    }

    /** qoffset_x, qoffset_y, qoffset_z. */
    public double[] qoffset() {
        return qoffset.clone();
    }

    /** srow_x, srow_y, srow_z (row r, 4 values each). */
    public double[] srow(int r) {
        return srow[r].clone();
    }

    public int xyztUnits() {
        return xyztUnits;
    }

    public int intentCode() {
        return intentCode;
    }

    public String intentName() {
        return intentName;
    }

    public String descrip() {
        return descrip;
    }

    /** "n+1", "ni1", "n+2" or "ni2". */
    public String magic() {
        return magic;
    }

    public double calMin() {
        return calMin;
    }

    public double calMax() {
        return calMax;
    }

    @Override
    public String toString() {
        return "NiftiHeader[v" + version + " " + order + " dims " + dimsText() + " " + datatype + " pixdim " + Arrays.toString(pixdim)
                + " vox_offset " + voxOffset + " q" + qformCode + " s" + sformCode + "]";
    }

    private static final class Builder {
        int version;
        ByteOrder order;
        long[] dim;
        int datatype;
        int bitpix;
        double[] pixdim;
        double voxOffset;
        double sclSlope;
        double sclInter;
        int qformCode;
        int sformCode;
        double[] quatern;
        double[] qoffset;
        double[][] srow;
        int xyztUnits;
        int intentCode;
        String intentName;
        String descrip;
        String magic;
        double calMin;
        double calMax;
    }
}
