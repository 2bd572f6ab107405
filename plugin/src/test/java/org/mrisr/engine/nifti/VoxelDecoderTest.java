package org.mrisr.engine.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decoder (bulk copies where it uses them) against a plain per-voxel reading of the same bytes
 * through {@link ByteBuffer}, for every readable datatype, both byte orders, with and without
 * scaling, at an output offset that is not a multiple of anything.
 */
class VoxelDecoderTest {
    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (NiftiDatatype t : NiftiDatatype.values()) {
            if (t.readable()) {
                for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                    b.add(Arguments.of(t, o, false));
                    b.add(Arguments.of(t, o, true));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} scaled={2}")
    @MethodSource("cases")
    void decodesLikeAPerVoxelReading(NiftiDatatype type, ByteOrder order, boolean scaled) {
        int n = 1001;
        int at = 7;
        byte[] src = new byte[n * type.bytes() + 5]; // trailing bytes past n voxels are ignored
        Random r = new Random(type.code() * 31L + (order == ByteOrder.BIG_ENDIAN ? 1 : 0));
        r.nextBytes(src);
        double slope = 0.37;
        double inter = -12.5;
        float[] dst = new float[at + n + 3];
        new VoxelDecoder(type, order, scaled, slope, inter).decode(src, n, dst, at);
        ByteBuffer bb = ByteBuffer.wrap(src).order(order);
        for (int i = 0; i < n; i++) {
            float want = expected(bb, type, i, scaled, slope, inter);
            assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(dst[at + i]), "voxel " + i + ": " + want + " vs " + dst[at + i]);
        }
        for (int i = 0; i < at; i++) {
            assertEquals(0f, dst[i], "untouched before the offset");
        }
        for (int i = at + n; i < dst.length; i++) {
            assertEquals(0f, dst[i], "untouched after the last voxel");
        }
    }

    /** nibabel's rule: integers and float32 scaled in float32, float64 in float64 then rounded. */
    private static float expected(ByteBuffer b, NiftiDatatype type, int i, boolean scaled, double slope, double inter) {
        if (type == NiftiDatatype.FLOAT64) {
            double d = b.getDouble(8 * i);
            return scaled ? (float) (d * slope + inter) : (float) d;
        }
        float v = switch (type) {
            case UINT8 -> b.get(i) & 0xff;
            case INT8 -> b.get(i);
            case INT16 -> b.getShort(2 * i);
            case UINT16 -> b.getShort(2 * i) & 0xffff;
            case INT32 -> b.getInt(4 * i);
            case UINT32 -> b.getInt(4 * i) & 0xffffffffL;
            case INT64 -> b.getLong(8 * i);
            case UINT64 -> new BigInteger(Long.toUnsignedString(b.getLong(8 * i))).floatValue();
            case FLOAT32 -> b.getFloat(4 * i);
            default -> throw new IllegalArgumentException(type.toString());
        };
        return scaled ? v * (float) slope + (float) inter : v;
    }
}
