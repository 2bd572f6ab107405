package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.RealData;

/**
 * Bad input and usage across the commands, one row each: every one exits 2 (never 1, which means an
 * internal fault) with one error line that names the file or flag it concerns, prints nothing on
 * stdout, and leaves the files it was given as they were.
 */
class BadInputTest {
    @TempDir
    static Path dir;
    static String ok;
    static String ok2;
    static String small;
    static String tiny;
    static String flat;
    static String garbage;
    static String cut;
    static String folder;
    static String exists;
    static String hdr;
    static String text;
    static String model;

    @BeforeAll
    static void files() throws Exception {
        Volume brain = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
        ok = write("ok.nii.gz", brain.crop(70, 80, 70, 40, 40, 40));
        ok2 = write("ok2.nii.gz", brain.crop(70, 80, 70, 40, 40, 36));
        small = write("small.nii.gz", brain.crop(70, 80, 70, 16, 16, 16));
        tiny = write("tiny.nii.gz", brain.crop(80, 90, 80, 2, 2, 2));
        flat = write("flat.nii.gz", brain.crop(70, 80, 70, 40, 40, 1));
        garbage = Files.writeString(dir.resolve("garbage.nii.gz"), "this is not a NIfTI file").toString();
        byte[] gz = Files.readAllBytes(Path.of(ok));
        cut = Files.write(dir.resolve("cut.nii.gz"), Arrays.copyOf(gz, gz.length / 2)).toString();
        folder = Files.createDirectory(dir.resolve("folder.nii.gz")).toString();
        exists = write("exists.nii.gz", brain.crop(0, 0, 0, 4, 4, 4));
        Path img = dir.resolve("pair.img");
        Files.copy(RealData.nibabelData().resolve("nifti1.hdr"), dir.resolve("pair.hdr"));
        hdr = dir.resolve("pair.hdr").toString();
        Files.deleteIfExists(img);
        text = Files.writeString(dir.resolve("model.zip"), "not a zip").toString();
        model = dir.resolve("new-model.zip").toString();
    }

    private static String write(String name, Volume v) throws Exception {
        Path p = dir.resolve(name);
        NiftiWriter.write(v, p);
        return p.toString();
    }

    private static String out(String name) {
        return dir.resolve(name).toString();
    }

    /** kind, the text the error line must name, the command line. */
    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        add(c, "unknown command", "'frobnicate'", "frobnicate");
        add(c, "unknown flag", "--bogus", "degrade", "--in", ok, "--out", out("a.nii"), "--factor", "2", "--bogus");
        add(c, "missing flag", "--in", "degrade", "--out", out("a.nii"), "--factor", "2");
        add(c, "missing input file", out("none.nii.gz"), "degrade", "--in", out("none.nii.gz"), "--out", out("a.nii"),
                "--factor", "2");
        add(c, "input is a folder", folder, "interpolate", "--in", folder, "--out", out("a.nii"), "--factor", "2");
        add(c, "not a NIfTI file", garbage, "info", garbage);
        add(c, "truncated file", cut, "interpolate", "--in", cut, "--out", out("a.nii"), "--factor", "2");
        add(c, "header without image", hdr, "info", hdr);
        add(c, "not a number", "--factor", "degrade", "--in", ok, "--out", out("a.nii"), "--factor", "two");
        add(c, "factor below 1", "--factor", "degrade", "--in", ok, "--out", out("a.nii"), "--factor", "0.5");
        add(c, "volume too small for the factor", "--factor", "degrade", "--in", tiny, "--out", out("a.nii"), "--factor", "8");
        add(c, "window too small", "--window", "predict", "--factor", "2", "--in", small, "--out", out("a.nii"), "--window", "2");
        add(c, "overlap not below window", "--overlap", "predict", "--factor", "2", "--in", small, "--out", out("a.nii"),
                "--window", "8", "--overlap", "8");
        add(c, "model not a zip", text, "predict", "--model", text, "--in", small, "--out", out("a.nii"));
        add(c, "missing model", out("none.zip"), "predict", "--model", out("none.zip"), "--in", small, "--out", out("a.nii"));
        add(c, "output of the wrong kind", out("a.txt"), "predict", "--factor", "2", "--in", small, "--out", out("a.txt"));
        add(c, "output is the input", small, "predict", "--factor", "2", "--in", small, "--out", small);
        add(c, "output exists", exists, "interpolate", "--in", small, "--out", exists, "--factor", "2");
        add(c, "output folder missing", out("no/where.nii"), "degrade", "--in", ok, "--out", out("no/where.nii"), "--factor", "2");
        add(c, "shapes differ", ok2, "score", "--reference", ok, "--test", ok2);
        add(c, "mask of another shape", ok2, "score", "--reference", ok, "--test", ok, "--mask", ok2);
        add(c, "negative data range", "--range", "score", "--reference", ok, "--test", ok, "--range", "-3");
        add(c, "unknown non-finite policy", "--nonfinite", "info", ok, "--nonfinite", "sometimes");
        add(c, "no such volume in the file", ok, "info", ok, "--volume", "3");
        add(c, "too many voxels", ok, "info", ok, "--max-voxels", "1000");
        add(c, "patch not a multiple of the factor", "--patch", "train", "--hr", ok, "--factor", "2", "--upsampling",
                "subpixel", "--out", model, "--patch", "33,33,33", "--steps", "1");
        add(c, "factor 3 for training", "--factor", "train", "--hr", ok, "--factor", "3", "--upsampling", "subpixel",
                "--out", model);
        add(c, "missing training volume", out("none.nii"), "train", "--hr", out("none.nii"), "--factor", "2",
                "--upsampling", "subpixel", "--out", model, "--steps", "1");
        add(c, "checkpoint not a zip", text, "train", "--hr", ok, "--factor", "2", "--upsampling", "subpixel", "--out",
                model, "--resume", text, "--steps", "1");
        add(c, "region outside the volume", ok, "evaluate", "--hr", ok, "--factor", "2", "--region", "0,0,0,80,80,80");
        add(c, "demo output folder is a file", exists, "demo", "--hr", ok, "--steps", "1", "--out", exists);
        add(c, "negative blur", "--sigma", "degrade", "--in", ok, "--out", out("a.nii"), "--factor", "2", "--sigma", "-1");
        add(c, "foreground fraction above 1", "--foreground", "train", "--hr", ok, "--factor", "2", "--upsampling",
                "subpixel", "--out", model, "--foreground", "2");
        add(c, "volume thinner than a patch", flat, "train", "--hr", flat, "--factor", "2", "--upsampling", "subpixel",
                "--out", model, "--steps", "1", "--patch", "32,32,32");
        add(c, "volume too thin to evaluate", flat, "evaluate", "--hr", flat, "--factor", "2");
        add(c, "volume too thin for the demo", flat, "demo", "--hr", flat, "--steps", "1", "--out", out("demo"));
        add(c, "memory bound not a size", "--max-memory", "predict", "--factor", "2", "--in", small, "--out", out("a.nii"),
                "--max-memory", "2x");
        return c.stream();
    }

    private static void add(List<Arguments> c, String kind, String named, String... argv) {
        c.add(Arguments.of(kind, named, argv));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsTwoNamingWhatIsWrong(String kind, String named, String[] argv) throws Exception {
        List<Path> given = new ArrayList<>();
        List<byte[]> before = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    given.add(p);
                    before.add(Files.readAllBytes(p));
                }
            }
        }
        MainTest.Run r = MainTest.run(argv);
        assertEquals(2, r.code(), kind + ": " + r.err());
        assertEquals("", r.out(), kind);
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), kind + ": " + r.err());
        assertTrue(errors.get(0).contains(named), kind + ": the error does not name " + named + ": " + errors.get(0));
        for (int i = 0; i < given.size(); i++) {
            assertTrue(Arrays.equals(before.get(i), Files.readAllBytes(given.get(i))), kind + " changed " + given.get(i));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(given.size(), files.filter(Files::isRegularFile).count(), kind + ": a file was left behind");
        }
    }
}
