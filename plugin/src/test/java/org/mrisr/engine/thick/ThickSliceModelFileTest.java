package org.mrisr.engine.thick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Volume;

class ThickSliceModelFileTest {
    @TempDir
    Path dir;

    @Test
    void aSavedModelRefinesExactlyAsTheTrainedOne() throws Exception {
        Volume thick = new SliceProfile(SliceProfile.Shape.BOX, 2).thickSlices(Phantoms.ellipsoids(20, 20, 5), 2, 2);
        ThickGeometry g = ThickGeometry.detect(thick, null, null, null, "phantom");
        ThickSliceModel m = ThickSliceModel.train(thick, g, SliceProfile.Shape.BOX, ThickSliceModelTest.SMALL.withSteps(4),
                null, null);
        Path f = dir.resolve("m.zip");
        ThickSliceModelFile.write(f, m);
        ThickSliceModel back = ThickSliceModelFile.read(f);
        assertEquals(2, back.factor());
        assertEquals(m.profile(), back.profile());
        assertEquals(m.training(), back.training());
        assertEquals(8, back.channels());
        assertEquals(4, back.depth());
        assertArrayEquals(m.predict(thick, g, Inference.defaults(), null, null).data(),
                back.predict(thick, g, Inference.defaults(), null, null).data());
    }

    @Test
    void otherFilesAreRefusedWithTheirName() throws Exception {
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a zip");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ThickSliceModelFile.read(junk));
        assertEquals(junk.toString(), e.source());
        assertTrue(e.problem().contains("not a thick-slice model file"), e.problem());
        InvalidInputException empty = assertThrows(InvalidInputException.class,
                () -> ThickSliceModelFile.read(new ByteArrayInputStream(new byte[0]), "empty"));
        assertTrue(empty.problem().contains("lacks"), empty.problem());
    }
}
