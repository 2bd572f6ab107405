package org.mrisr.cli;

import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import org.mrisr.engine.InvalidInputException;

/**
 * The {@code ./mrisr} entry point. Exit codes: 0 success, 2 bad input or usage, 1 internal error.
 * A bad input prints exactly one line {@code error: <file>: <problem>} on stderr (an engine
 * parameter is named by the flag that sets it, see {@link EngineFlags}); {@code --debug} adds the
 * stack trace.
 */
public final class Main {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;

    private Main() {
    }

    public static void main(String[] argv) {
        int code = run(argv, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line; never calls System.exit (tests call this). */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        boolean debug = Arrays.asList(argv).contains("--debug");
        Map<String, Supplier<Command>> commands = Commands.all();
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
            (argv.length == 0 ? err : out).print(overview(commands));
            return argv.length == 0 ? BAD_INPUT : OK;
        }
        if (argv[0].equals("--version")) {
            out.println(version());
            return OK;
        }
        Supplier<Command> s = commands.get(argv[0]);
        if (s == null) {
            err.println("error: unknown command '" + argv[0] + "' (see ./mrisr --help)");
            return BAD_INPUT;
        }
        Command cmd = s.get();
        String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            out.println(cmd.help());
            return OK;
        }
        Args args = null;
        try {
            args = new Args(rest);
            return cmd.run(args, out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage() + " (see ./mrisr " + cmd.name() + " --help)");
            trace(debug, e, err);
            return BAD_INPUT;
        } catch (InvalidInputException e) {
            err.println("error: " + oneLine(EngineFlags.source(e.source(), args)) + ": " + oneLine(e.problem()));
            trace(debug, e, err);
            return BAD_INPUT;
        } catch (NoSuchFileException | FileNotFoundException e) {
            err.println("error: " + oneLine(e.getMessage()) + ": no such file");
            trace(debug, e, err);
            return BAD_INPUT;
        } catch (AccessDeniedException e) {
            err.println("error: " + oneLine(e.getMessage()) + ": permission denied");
            trace(debug, e, err);
            return BAD_INPUT;
        } catch (Throwable e) {
            err.println("error: internal: " + oneLine(String.valueOf(e)) + (debug ? "" : " (run with --debug for details)"));
            trace(debug, e, err);
            return INTERNAL;
        }
    }

    private static void trace(boolean debug, Throwable e, PrintStream err) {
        if (debug) {
            e.printStackTrace(err);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }

    static String overview(Map<String, Supplier<Command>> commands) {
        StringBuilder sb = new StringBuilder();
        sb.append("mrisr ").append(version()).append(": 3D brain-MRI super-resolution (3D SRGAN)\n\n");
        sb.append("usage: mrisr <command> [--flag value ...]   (mrisr <command> --help for details)\n\ncommands:\n");
        for (Supplier<Command> s : commands.values()) {
            Command c = s.get();
            sb.append(String.format("  %-12s %s%n", c.name(), c.summary()));
        }
        sb.append("\nexit codes: 0 ok, 2 bad input or usage, 1 internal error; --debug shows stack traces\n");
        return sb.toString();
    }

    static String version() {
        String v = Main.class.getPackage() == null ? null : Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
