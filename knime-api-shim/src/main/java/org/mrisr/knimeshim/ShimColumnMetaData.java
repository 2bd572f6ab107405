/*
 * SHIM-ONLY (not part of the KNIME API): merging and storing column meta data, which KNIME does with the
 * meta data creators and serializers registered at its extension points.
 */
package org.mrisr.knimeshim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;

import org.knime.core.data.meta.DataColumnMetaData;

/**
 * The meta data classes the shim can merge and store in tables; each KNIME meta data class of the shim
 * registers itself when its class is initialised.
 */
public final class ShimColumnMetaData {
    /** Writes and reads one meta data object. */
    public interface Codec<M extends DataColumnMetaData> {
        void write(M metaData, DataOutputStream out) throws IOException;

        M read(DataInputStream in) throws IOException;
    }

    private static final Map<Class<?>, BinaryOperator<DataColumnMetaData>> MERGERS = new ConcurrentHashMap<>();

    private static final Map<Class<?>, Codec<DataColumnMetaData>> CODECS = new ConcurrentHashMap<>();

    private ShimColumnMetaData() {
    }

    /** Registers how meta data of the class merges and is stored. */
    @SuppressWarnings("unchecked")
    public static <M extends DataColumnMetaData> void register(final Class<M> type, final BinaryOperator<M> merge,
        final Codec<M> codec) {
        MERGERS.put(type, (a, b) -> merge.apply(type.cast(a), type.cast(b)));
        CODECS.put(type, (Codec<DataColumnMetaData>)codec);
    }

    /** @throws IllegalArgumentException for a meta data class the shim cannot merge */
    public static DataColumnMetaData merge(final DataColumnMetaData a, final DataColumnMetaData b) {
        BinaryOperator<DataColumnMetaData> m = MERGERS.get(a.getClass());
        if (m == null || a.getClass() != b.getClass()) {
            throw new IllegalArgumentException("The KNIME shim cannot merge meta data of " + a.getClass().getName());
        }
        return m.apply(a, b);
    }

    /** @throws IOException for a meta data class the shim cannot store */
    static void write(final DataColumnMetaData m, final DataOutputStream out) throws IOException {
        codec(m.getClass()).write(m, out);
    }

    static DataColumnMetaData read(final Class<?> type, final DataInputStream in) throws IOException {
        return codec(type).read(in);
    }

    private static Codec<DataColumnMetaData> codec(final Class<?> type) throws IOException {
        Codec<DataColumnMetaData> c = CODECS.get(type);
        if (c == null) {
            throw new IOException("The KNIME shim cannot store column meta data of " + type.getName());
        }
        return c;
    }
}
