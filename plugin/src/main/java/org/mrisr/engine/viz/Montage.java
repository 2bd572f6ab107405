package org.mrisr.engine.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.mrisr.engine.volume.Volume;

/**
 * A PNG montage for eyeballing super-resolution: one row per orthogonal plane (axial, coronal,
 * sagittal through the centre of the reference), one column per volume (e.g. LR | cubic | SRGAN |
 * HR). Volumes of other shapes than the reference (the LR input) are sampled nearest-neighbour at
 * the same relative position, so every panel shows the same anatomy at the same size.
 *
 * <p>Grey levels use one window for all panels, from the reference's 0.5th to 99.5th percentile,
 * so differences in brightness are real. Rows are drawn with the second in-plane axis pointing up
 * (superior/anterior up for RAS-ordered data).
 */
public final class Montage {
    private static final int GAP = 4;
    private static final int LABEL_H = 18;

    private Montage() {
    }

    /**
     * Renders the montage; {@code reference} fixes the panel size and the grey window, and must be
     * one of {@code volumes}.
     */
    public static BufferedImage render(List<String> labels, List<Volume> volumes, Volume reference) {
        if (labels.size() != volumes.size() || volumes.isEmpty()) {
            throw new IllegalArgumentException("need one label per volume");
        }
        float[] window = percentileWindow(reference.data(), 0.005, 0.995);
        int nx = reference.nx();
        int ny = reference.ny();
        int nz = reference.nz();
        // Panel (width, height) per plane: axial x-y, coronal x-z, sagittal y-z.
        int[][] planes = {{nx, ny}, {nx, nz}, {ny, nz}};
        int colW = Math.max(nx, ny);
        int width = volumes.size() * (colW + GAP) + GAP;
        int height = LABEL_H + GAP;
        for (int[] p : planes) {
            height += p[1] + GAP;
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, width, height);
            drawLabels(g, labels, colW);
        } finally {
            g.dispose();
        }
        int y0 = LABEL_H + GAP;
        for (int plane = 0; plane < 3; plane++) {
            int pw = planes[plane][0];
            int ph = planes[plane][1];
            for (int c = 0; c < volumes.size(); c++) {
                Volume v = volumes.get(c);
                int x0 = GAP + c * (colW + GAP);
                for (int py = 0; py < ph; py++) {
                    for (int px = 0; px < pw; px++) {
                        float val = sample(v, reference, plane, px, ph - 1 - py);
                        img.setRGB(x0 + px, y0 + py, grey(val, window));
                    }
                }
            }
            y0 += ph + GAP;
        }
        return img;
    }

    /** Renders and writes a PNG (through a temporary file, so a failure leaves no half image). */
    public static void write(Path png, List<String> labels, List<Volume> volumes, Volume reference) throws IOException {
        BufferedImage img = render(labels, volumes, reference);
        Path dir = png.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".montage", ".png.tmp");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Value of {@code v} at panel pixel (u, w) of a plane through the reference's centre. */
    static float sample(Volume v, Volume ref, int plane, int u, int w) {
        double cx = (ref.nx() - 1) / 2.0;
        double cy = (ref.ny() - 1) / 2.0;
        double cz = (ref.nz() - 1) / 2.0;
        double x;
        double y;
        double z;
        switch (plane) {
            case 0: x = u; y = w; z = cz; break;
            case 1: x = u; y = cy; z = w; break;
            default: x = cx; y = u; z = w; break;
        }
        int ix = scaled(x, ref.nx(), v.nx());
        int iy = scaled(y, ref.ny(), v.ny());
        int iz = scaled(z, ref.nz(), v.nz());
        return v.get(ix, iy, iz);
    }

    private static int scaled(double i, int nRef, int n) {
        if (n == nRef) {
            return (int) Math.round(i);
        }
        // Align first and last voxel centres, as scipy-style zoom does.
        double t = nRef > 1 ? i / (nRef - 1) : 0;
        return (int) Math.max(0, Math.min(n - 1, Math.round(t * (n - 1))));
    }

    private static int grey(float v, float[] window) {
        double t = (v - window[0]) / Math.max(1e-12, window[1] - window[0]);
        int g = (int) Math.round(255 * Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)));
        return (g << 16) | (g << 8) | g;
    }

    static float[] percentileWindow(float[] data, double lo, double hi) {
        float[] s = data.clone();
        Arrays.sort(s);
        int n = s.length;
        while (n > 0 && Float.isNaN(s[n - 1])) {
            n--;
        }
        if (n == 0) {
            return new float[] {0, 1};
        }
        float a = s[(int) Math.floor(lo * (n - 1))];
        float b = s[(int) Math.ceil(hi * (n - 1))];
        return b > a ? new float[] {a, b} : new float[] {a, a + 1};
    }

    private static void drawLabels(Graphics2D g, List<String> labels, int colW) {
        try {
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int c = 0; c < labels.size(); c++) {
                g.drawString(labels.get(c), GAP + c * (colW + GAP) + 2, LABEL_H - 4);
            }
        } catch (RuntimeException | Error e) {
            // Headless JREs without fonts cannot draw text; the panels are still worth having.
        }
    }
}
