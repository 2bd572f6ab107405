package org.mrisr.engine.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

class MontageTest {
    private static Volume ramp(int nx, int ny, int nz) {
        Volume v = Volume.zeros(nx, ny, nz, Affine.identity());
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    v.set(x, y, z, x);
                }
            }
        }
        return v;
    }

    @Test
    void panelsShareWindowAndLowResIsSampledAtSamePosition(@TempDir Path dir) throws Exception {
        Volume hr = ramp(20, 16, 12);
        Volume lr = ramp(10, 8, 6); // values 0..9 instead of 0..19: must look darker at the same place
        Path png = dir.resolve("m.png");
        Montage.write(png, List.of("LR", "HR"), List.of(lr, hr), hr);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(2 * (20 + 4) + 4, img.getWidth());
        assertEquals(18 + 4 + (16 + 4) + (12 + 4) + (12 + 4), img.getHeight());
        // Axial row, right edge of each panel: HR shows its maximum (white), LR its maximum 9 (~half).
        int y = 18 + 4 + 8;
        int hrRight = img.getRGB(4 + 24 + 19, y) & 0xff;
        int lrRight = img.getRGB(4 + 19, y) & 0xff;
        assertEquals(255, hrRight);
        assertTrue(lrRight > 90 && lrRight < 150, "lr grey " + lrRight);
        // Left edge: both black.
        assertEquals(0, img.getRGB(4, y) & 0xff);
        assertTrue(Files.list(dir).allMatch(p -> p.getFileName().toString().equals("m.png")));
    }

    @Test
    void percentileWindowIgnoresNaN() {
        float[] w = Montage.percentileWindow(new float[] {Float.NaN, 0, 1, 2, 3, 4}, 0, 1);
        assertEquals(0f, w[0]);
        assertEquals(4f, w[1]);
    }
}
