package org.mrisr.cli;

import java.io.PrintStream;

/** Prints the mrisr version. */
final class VersionCommand implements Command {
    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "print the mrisr version";
    }

    @Override
    public String help() {
        return "usage: mrisr version\n\nPrints the mrisr version on stdout.";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        args.rejectUnknownAndPositional();
        out.println(Main.version());
        return 0;
    }
}
