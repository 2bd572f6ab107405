package org.mrisr.engine.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;

class NonFiniteTest {
    private static Volume withBadVoxels() {
        float[] d = {1, Float.NaN, 3, Float.POSITIVE_INFINITY, 5, Float.NaN, Float.NEGATIVE_INFINITY, 8};
        return new Volume(2, 2, 2, d, Affine.identity());
    }

    @Test
    void countsEachKind() {
        NonFinite.Count c = NonFinite.count(withBadVoxels().data());
        assertEquals(new NonFinite.Count(2, 1, 1), c);
        assertEquals(4, c.total());
        assertEquals("2 NaN and 1 +Inf and 1 -Inf voxel(s)", c.describe());
    }

    @Test
    void zeroPolicyReplacesWithBackgroundAndWarnsOnceNamingTheFile() {
        Volume v = withBadVoxels();
        List<String> warnings = new ArrayList<>();
        Volume clean = NonFinite.apply(v, NonFinitePolicy.ZERO, "scan.nii.gz", warnings::add);
        assertArrayEquals(new float[] {1, 0, 3, 0, 5, 0, 0, 8}, clean.data());
        assertEquals(List.of("scan.nii.gz: 2 NaN and 1 +Inf and 1 -Inf voxel(s) treated as background (0)"), warnings);
        assertTrue(Float.isNaN(v.data()[1]), "the input volume is left as it was");
        assertSame(clean.affine(), v.affine());
    }

    @Test
    void refusePolicyNamesTheFileAndCounts() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> NonFinite.apply(withBadVoxels(), NonFinitePolicy.REFUSE, "scan.nii.gz", w -> { }));
        assertEquals("scan.nii.gz", e.source());
        assertTrue(e.problem().startsWith("has 2 NaN and 1 +Inf and 1 -Inf voxel(s)"), e.problem());
    }

    @Test
    void finiteVolumesPassUntouchedWithoutWarning() {
        Volume v = new Volume(2, 1, 1, new float[] {0, -3}, Affine.identity());
        List<String> warnings = new ArrayList<>();
        assertSame(v, NonFinite.apply(v, NonFinitePolicy.REFUSE, "a", warnings::add));
        assertSame(v, NonFinite.apply(v, NonFinitePolicy.ZERO, "a", warnings::add));
        assertEquals(List.of(), warnings);
        NonFinite.requireFinite(v, "test");
        assertThrows(IllegalStateException.class, () -> NonFinite.requireFinite(withBadVoxels(), "test"));
    }

    @Test
    void policyParsesItsNames() {
        assertEquals(NonFinitePolicy.ZERO, NonFinitePolicy.parse("zero"));
        assertEquals(NonFinitePolicy.REFUSE, NonFinitePolicy.parse(" Refuse "));
        assertNull(NonFinitePolicy.parse("drop"));
        assertNull(NonFinitePolicy.parse(null));
    }
}
