package org.mrisr.engine.nifti;

/**
 * NIfTI {@code datatype} codes. Real scalar types are readable; the others are known so that a
 * refusal can name them.
 */
public enum NiftiDatatype {
    BINARY(1, "binary", 1, false),
    UINT8(2, "uint8", 8, true),
    INT16(4, "int16", 16, true),
    INT32(8, "int32", 32, true),
    FLOAT32(16, "float32", 32, true),
    COMPLEX64(32, "complex64", 64, false),
    FLOAT64(64, "float64", 64, true),
    RGB24(128, "rgb24", 24, false),
    INT8(256, "int8", 8, true),
    UINT16(512, "uint16", 16, true),
    UINT32(768, "uint32", 32, true),
    INT64(1024, "int64", 64, true),
    UINT64(1280, "uint64", 64, true),
    FLOAT128(1536, "float128", 128, false),
    COMPLEX128(1792, "complex128", 128, false),
    COMPLEX256(2048, "complex256", 256, false),
    RGBA32(2304, "rgba32", 32, false);

    private final int code;
    private final String label;
    private final int bitpix;
    private final boolean readable;

    NiftiDatatype(int code, String label, int bitpix, boolean readable) {
        this.code = code;
        this.label = label;
        this.bitpix = bitpix;
        this.readable = readable;
    }

    /** The datatype for a header code, or null when the code is not a NIfTI datatype. */
    public static NiftiDatatype ofCode(int code) {
        for (NiftiDatatype t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    public int code() {
        return code;
    }

    /** numpy-style name, e.g. "int16". */
    public String label() {
        return label;
    }

    public int bitpix() {
        return bitpix;
    }

    /** Bytes per voxel for readable types (all of which are whole bytes). */
    public int bytes() {
        return bitpix / 8;
    }

    /** Whether the reader converts this type to float32 (real scalar types only). */
    public boolean readable() {
        return readable;
    }

    @Override
    public String toString() {
        return label;
    }
}
