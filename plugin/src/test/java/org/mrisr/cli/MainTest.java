package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The command-line contract shared by every command. */
class MainTest {
    /** Result of one in-process CLI run. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... argv) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(argv, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** {@code a} followed by {@code b}: a command line with more flags. */
    static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void unknownCommandIsUsageError() {
        Run r = run("frobnicate");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: unknown command 'frobnicate'"), r.err());
        assertEquals(1, r.err().strip().lines().count());
    }

    @Test
    void helpListsCommandsOnStdout() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("version"), r.out());
    }

    @Test
    void noArgumentsPrintsUsageAndFails() {
        Run r = run();
        assertEquals(2, r.code());
        assertTrue(r.err().contains("usage: mrisr"));
    }

    @Test
    void unknownFlagIsRejected() {
        Run r = run("version", "--bogus", "1");
        assertEquals(2, r.code());
        assertEquals("error: unknown flag --bogus (see ./mrisr version --help)", r.err().strip());
    }

    @Test
    void everyCommandHasHelp() {
        for (var s : Commands.all().values()) {
            Command c = s.get();
            Run r = run(c.name(), "--help");
            assertEquals(0, r.code(), c.name());
            assertTrue(r.out().contains("usage: mrisr " + c.name()), c.name() + " help: " + r.out());
        }
    }

    @Test
    void argsParseMultiValuedAndNegativeNumbers() throws UsageException {
        Args a = new Args(new String[] {"--hr", "a.nii", "b.nii", "--shift", "-1.5", "--fast"});
        assertEquals(java.util.List.of("a.nii", "b.nii"), a.list("hr"));
        assertEquals(-1.5, a.number("shift", 0), 0);
        assertTrue(a.flag("fast"));
    }
}
