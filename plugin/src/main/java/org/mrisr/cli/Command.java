package org.mrisr.cli;

import java.io.PrintStream;

/**
 * One {@code ./mrisr} sub-command. The contract every command keeps: stdout carries only the
 * result, stderr logs and progress; bad input is reported by throwing
 * {@link org.mrisr.engine.InvalidInputException} or {@link UsageException} (exit 2), anything else
 * is an internal error (exit 1). Commands that need no ND4J must not touch it.
 */
public interface Command {
    /** The word after {@code ./mrisr}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** The full {@code --help} text: usage line, flags, defaults. */
    String help();

    /** Runs the command; returns the exit code (0 on success). */
    int run(Args args, PrintStream out, PrintStream err) throws Exception;
}
