package org.mrisr.engine.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.compute.ComputePool;
import org.mrisr.engine.nd4j.Nd4jBackend.Device;

class ComputeSettingsTest {
    @Test
    void roundTripsThroughAStringMap() {
        ComputeSettings s = new ComputeSettings(6, 8L << 30, Device.GPU);
        Map<String, String> m = s.toMap();
        assertEquals(Map.of("threads", "6", "offHeapLimit", "8G", "device", "GPU", "predictMemoryBound", "0"), m);
        assertEquals(s, ComputeSettings.fromMap(m));
        assertEquals(ComputeSettings.defaults(), ComputeSettings.fromMap(Map.of()));
        assertEquals(Device.CPU, ComputeSettings.fromMap(Map.of("device", " cpu ")).device());
    }

    @Test
    void threadsAreTheComputePoolsProperty() {
        // ND4J and the Java-side loops read one setting
        assertEquals(ComputePool.THREADS_PROPERTY, ComputeSettings.PROPERTY_PREFIX + ComputeSettings.THREADS);
    }

    @Test
    void memorySizes() {
        assertEquals(512L << 20, ComputeSettings.parseBytes("512M"));
        assertEquals(3L << 30, ComputeSettings.parseBytes("3gb"));
        assertEquals(1234, ComputeSettings.parseBytes("1234"));
        assertEquals(0, ComputeSettings.parseBytes("0"));
        assertEquals("1536M", ComputeSettings.formatBytes(1536L << 20));
        assertEquals("1000", ComputeSettings.formatBytes(1000));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ComputeSettings.parseBytes("lots"));
        assertTrue(e.getMessage().contains("'lots'"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> ComputeSettings.parseBytes("-1G"));
        assertThrows(InvalidInputException.class, () -> ComputeSettings.parseBytes("99999999999T"));
    }

    @Test
    void refusesValuesThatCannotWork() {
        assertThrows(InvalidInputException.class, () -> new ComputeSettings(-1, 0, Device.CPU));
        InvalidInputException small = assertThrows(InvalidInputException.class,
            () -> ComputeSettings.fromMap(Map.of("offHeapLimit", "100M")));
        assertTrue(small.getMessage().contains("256M"), small.getMessage());
        assertThrows(InvalidInputException.class, () -> ComputeSettings.fromMap(Map.of("device", "TPU")));
        assertThrows(InvalidInputException.class, () -> ComputeSettings.fromMap(Map.of("threads", "four")));
    }

    @Test
    void javacppLimitsCoverHeapPlusOffHeap() {
        assertEquals(Map.of(), ComputeSettings.defaults().javacppProperties(1L << 30));
        Map<String, String> p = new ComputeSettings(0, 4L << 30, Device.CPU).javacppProperties(2L << 30);
        assertEquals(Long.toString(4L << 30), p.get("org.bytedeco.javacpp.maxbytes"));
        assertEquals(Long.toString(6L << 30), p.get("org.bytedeco.javacpp.maxphysicalbytes"));
    }

    @Test
    void systemPropertiesReachTheEngine() {
        String[] keys = {"mrisr.compute.threads", "mrisr.compute.offHeapLimit", "mrisr.compute.device"};
        try {
            System.setProperty(keys[0], "3");
            System.setProperty(keys[1], "1G");
            System.setProperty(keys[2], "GPU");
            assertEquals(new ComputeSettings(3, 1L << 30, Device.GPU), ComputeSettings.fromSystemProperties());
        } finally {
            for (String k : keys) {
                System.clearProperty(k);
            }
        }
        assertEquals(ComputeSettings.defaults(), ComputeSettings.fromSystemProperties());
    }

    @Test
    void thePredictionMemoryBoundTravelsAsAPropertyAndABadOneNamesItsKey() {
        String key = ComputeSettings.PROPERTY_PREFIX + ComputeSettings.PREDICT_MEMORY;
        assertEquals(0, ComputeSettings.defaults().predictMemoryBytes(), "no bound by default");
        ComputeSettings s = new ComputeSettings(2, 0, Device.CPU, 2L << 30);
        assertEquals("2G", s.toMap().get(ComputeSettings.PREDICT_MEMORY));
        assertEquals(s, ComputeSettings.fromMap(s.toMap()));
        try {
            System.setProperty(key, "1500M");
            assertEquals(1500L << 20, ComputeSettings.fromSystemProperties().predictMemoryBytes());
            System.setProperty(key, "lots");
            InvalidInputException e = assertThrows(InvalidInputException.class, ComputeSettings::fromSystemProperties);
            assertEquals(ComputeSettings.PREDICT_MEMORY + ": 'lots' is not a memory size such as 512M, 8G or 0",
                e.getMessage());
        } finally {
            System.clearProperty(key);
        }
        assertThrows(InvalidInputException.class, () -> new ComputeSettings(0, 0, Device.CPU, -1));
    }
}
