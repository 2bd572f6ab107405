package org.mrisr.engine.nd4j;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.compute.ComputePool;
import org.mrisr.engine.nd4j.Nd4jBackend.Device;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How the engine uses the machine: threads (ND4J's and the Java-side {@link ComputePool}'s), the
 * off-heap memory limit of JavaCPP (where ND4J keeps its arrays), the compute device, and the memory
 * bound of one SR prediction (the KNIME preference behind the CLI's {@code predict --max-memory}: the
 * SR Predictor picks each row's window so the prediction fits, unless the node sets its own bound).
 * Independent of where it is stored: the KNIME preference page, the CLI or a test turn a string map
 * ({@link #toMap}/{@link #fromMap}, keys {@link #THREADS}, {@link #OFF_HEAP}, {@link #DEVICE},
 * {@link #PREDICT_MEMORY}) into one and hand it to {@link #apply} before the first ND4J use.
 *
 * <p>The thread count reaches the Java-side loops without {@link #apply}: {@link ComputePool} reads
 * the system property {@code mrisr.compute.threads} itself (nodes and commands that never start ND4J,
 * such as Degrade or Scorer, honour it too).
 *
 * @param threads     ND4J worker threads and the compute pool's size; 0 = all cores
 * @param offHeapBytes JavaCPP's off-heap limit in bytes; 0 = JavaCPP's default (the JVM's -Xmx)
 * @param device      CPU or GPU (GPU falls back to CPU with a warning, see {@link Nd4jBackend})
 * @param predictMemoryBytes what one SR prediction may add to the JVM's memory, in bytes; 0 = no bound
 *                    (the window setting decides). Read by the nodes, not by {@link #apply}.
 */
public record ComputeSettings(int threads, long offHeapBytes, Device device, long predictMemoryBytes) {
    public static final String THREADS = "threads";
    public static final String OFF_HEAP = "offHeapLimit";
    public static final String DEVICE = "device";
    public static final String PREDICT_MEMORY = "predictMemoryBound";
    /** Below this ND4J cannot even hold one training patch batch; refuse rather than fail later. */
    public static final long MIN_OFF_HEAP = 256L << 20;

    public ComputeSettings {
        ComputePool.checkThreads(THREADS, threads);
        if (offHeapBytes != 0 && offHeapBytes < MIN_OFF_HEAP) {
            throw new InvalidInputException(OFF_HEAP, "must be 0 (JavaCPP default) or at least 256M, got " + offHeapBytes
                + " bytes");
        }
        if (device == null) {
            throw new InvalidInputException(DEVICE, "must be CPU or GPU");
        }
        if (predictMemoryBytes < 0) {
            throw new InvalidInputException(PREDICT_MEMORY, "must be 0 (no bound) or a size such as 2G, got "
                + predictMemoryBytes + " bytes");
        }
    }

    /** Without a prediction memory bound. */
    public ComputeSettings(final int threads, final long offHeapBytes, final Device device) {
        this(threads, offHeapBytes, device, 0);
    }

    /** All cores, JavaCPP's default limit, CPU, no prediction memory bound. */
    public static ComputeSettings defaults() {
        return new ComputeSettings(0, 0, Device.CPU);
    }

    /** Prefix of the system properties {@link #fromSystemProperties} reads, e.g. {@code mrisr.compute.threads}. */
    public static final String PROPERTY_PREFIX = "mrisr.compute.";

    /**
     * The settings from system properties {@code mrisr.compute.threads|offHeapLimit|device|predictMemoryBound}: how the
     * KNIME preference page (a separate bundle) and {@code -D} options on the command line reach the
     * engine without the engine knowing about Eclipse preference stores.
     */
    public static ComputeSettings fromSystemProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : new String[] {THREADS, OFF_HEAP, DEVICE, PREDICT_MEMORY}) {
            String v = System.getProperty(PROPERTY_PREFIX + k);
            if (v != null) {
                m.put(k, v);
            }
        }
        return fromMap(m);
    }

    /** The settings as strings (memory as e.g. "8G"), for preference stores. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(THREADS, Integer.toString(threads));
        m.put(OFF_HEAP, formatBytes(offHeapBytes));
        m.put(DEVICE, device.name());
        m.put(PREDICT_MEMORY, formatBytes(predictMemoryBytes));
        return m;
    }

    /** Reads {@link #toMap}'s form; absent keys take the defaults. */
    public static ComputeSettings fromMap(final Map<String, String> m) {
        ComputeSettings d = defaults();
        int threads = d.threads();
        String t = m.get(THREADS);
        if (t != null && !t.isBlank()) {
            threads = ComputePool.parseThreads(THREADS, t);
        }
        String mem = m.get(OFF_HEAP);
        long bytes = mem == null || mem.isBlank() ? d.offHeapBytes() : parseBytes(OFF_HEAP, mem);
        String bound = m.get(PREDICT_MEMORY);
        long predict = bound == null || bound.isBlank() ? d.predictMemoryBytes() : parseBytes(PREDICT_MEMORY, bound);
        String dev = m.get(DEVICE);
        Device device = d.device();
        if (dev != null && !dev.isBlank()) {
            try {
                device = Device.valueOf(dev.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(DEVICE, "'" + dev + "' is not CPU or GPU");
            }
        }
        return new ComputeSettings(threads, bytes, device, predict);
    }

    /** "0", "123456" (bytes), "512M", "8G", "1T" (binary units, case-insensitive, optional trailing B). */
    public static long parseBytes(final String s) {
        return parseBytes(OFF_HEAP, s);
    }

    /** As {@link #parseBytes(String)}; a bad size is an error of the setting {@code key}. */
    public static long parseBytes(final String key, final String s) {
        String t = s.strip().toUpperCase(Locale.ROOT);
        if (t.endsWith("B") && t.length() > 1 && Character.isLetter(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = 0;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        switch (last) {
            case 'K': shift = 10; break;
            case 'M': shift = 20; break;
            case 'G': shift = 30; break;
            case 'T': shift = 40; break;
            default: break;
        }
        String num = shift == 0 ? t : t.substring(0, t.length() - 1).strip();
        try {
            long v = Long.parseLong(num);
            if (v < 0 || v > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return v << shift;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(key, "'" + s + "' is not a memory size such as 512M, 8G or 0");
        }
    }

    /** The largest exact binary unit: 8589934592 gives "8G", 0 gives "0". */
    public static String formatBytes(final long b) {
        String[] units = {"T", "G", "M", "K"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            if (b != 0 && b % (1L << shifts[i]) == 0) {
                return (b >> shifts[i]) + units[i];
            }
        }
        return Long.toString(b);
    }

    /**
     * The JavaCPP system properties for the limit (empty for 0). maxphysicalbytes bounds the whole
     * process's resident memory, so it is the off-heap limit plus the Java heap: JavaCPP then refuses
     * an allocation instead of the OS killing KNIME.
     */
    public Map<String, String> javacppProperties(final long javaHeapBytes) {
        Map<String, String> p = new LinkedHashMap<>();
        if (offHeapBytes > 0) {
            p.put("org.bytedeco.javacpp.maxbytes", Long.toString(offHeapBytes));
            p.put("org.bytedeco.javacpp.maxphysicalbytes", Long.toString(offHeapBytes + javaHeapBytes));
        }
        return p;
    }

    /**
     * Applies the settings: JavaCPP limits (only effective before JavaCPP loads, hence "before the
     * first ND4J use"; properties already set on the command line win), the device, then the thread
     * count, for ND4J and, as the property {@code mrisr.compute.threads}, for the {@link ComputePool}
     * (so both always agree). Returns the backend selection, whose warning the caller shows once.
     */
    public Nd4jBackend.Selection apply() {
        System.setProperty(ComputePool.THREADS_PROPERTY, Integer.toString(threads));
        for (Map.Entry<String, String> e : javacppProperties(Runtime.getRuntime().maxMemory()).entrySet()) {
            if (System.getProperty(e.getKey()) == null) {
                System.setProperty(e.getKey(), e.getValue());
            }
        }
        Nd4jBackend.Selection s = Nd4jBackend.init(device);
        if (threads > 0) {
            Nd4j.getEnvironment().setMaxThreads(threads);
        }
        return s;
    }
}
