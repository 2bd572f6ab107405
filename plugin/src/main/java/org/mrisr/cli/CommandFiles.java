package org.mrisr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.OutputFile;
import org.mrisr.engine.TemporaryFile;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.NonFinite;
import org.mrisr.engine.volume.NonFinitePolicy;
import org.mrisr.engine.volume.Volume;

/**
 * The files of one command run, under the policies every command shares: volumes are read with the
 * non-finite policy ({@code --nonfinite zero|refuse}: NaN/±Inf voxels become background with a
 * warning naming the file and the counts, or exit 2); outputs are checked before any compute (kind,
 * folder, none of the inputs, absent unless {@code --overwrite}); volumes are written only finite
 * (anything else is an internal fault, exit 1) and through a temporary.
 */
final class CommandFiles {
    /** The --help lines of the shared flags of a command that reads volumes. */
    static final String NONFINITE_HELP = String.join("\n",
            "  --nonfinite P   NaN/Inf voxels of an input volume: zero (default: treated as background 0, with a",
            "                  warning naming the file and the counts) or refuse (exit 2)");
    /** The --help lines of the shared flag of a command that writes files. */
    static final String OVERWRITE_HELP = String.join("\n",
            "  --overwrite     replace existing output files (default: refuse them, exit 2); an output is",
            "                  never allowed to be one of the inputs");

    private final NonFinitePolicy policy;
    private final boolean overwrite;
    private final PrintStream err;
    private final List<Path> inputs = new ArrayList<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private CommandFiles(NonFinitePolicy policy, boolean overwrite, PrintStream err) {
        this.policy = policy;
        this.overwrite = overwrite;
        this.err = err;
    }

    /** A command that reads volumes and writes nothing (reads --nonfinite). */
    static CommandFiles reading(Args args, PrintStream err) throws UsageException {
        return new CommandFiles(policy(args), false, err);
    }

    /** A command that reads volumes and writes files (reads --nonfinite and --overwrite). */
    static CommandFiles readingWriting(Args args, PrintStream err) throws UsageException {
        NonFinitePolicy p = policy(args);
        return new CommandFiles(p, args.flag("overwrite"), err);
    }

    private static NonFinitePolicy policy(Args args) throws UsageException {
        String s = args.string("nonfinite", "zero");
        NonFinitePolicy p = NonFinitePolicy.parse(s);
        if (p == null) {
            throw new UsageException("--nonfinite must be zero or refuse, got '" + s + "'");
        }
        return p;
    }

    NonFinitePolicy policy() {
        return policy;
    }

    /** Declares input files (before the outputs are checked): no output may be one of them. */
    CommandFiles inputs(Collection<Path> files) {
        inputs.addAll(files);
        return this;
    }

    CommandFiles inputs(Path... files) {
        return inputs(List.of(files));
    }

    /** Checks an output path before any compute; see {@link OutputFile#check(Path, OutputFile.Kind, boolean, Collection)}. */
    void output(Path file, OutputFile.Kind kind) {
        try {
            OutputFile.check(file, kind, overwrite, inputs);
        } catch (OutputFile.Exists e) {
            throw exists(e);
        }
    }

    /** Checks the files a command writes into a folder; see {@link OutputFile#checkFolder(Path, List, boolean, Collection)}. */
    void outputFolder(Path dir, List<String> files) {
        try {
            OutputFile.checkFolder(dir, files, overwrite, inputs);
        } catch (OutputFile.Exists e) {
            throw exists(e);
        }
    }

    private static InvalidInputException exists(OutputFile.Exists e) {
        return new InvalidInputException(e.source(), "exists; nothing was changed (give --overwrite to replace it)");
    }

    /** Volume 0 of a NIfTI file under the non-finite policy; a missing or bad file is bad input (exit 2). */
    Volume read(Path in) {
        if (!Files.exists(in)) {
            throw new InvalidInputException(in.toString(), "no such file");
        }
        return clean(NiftiReader.read(in), in.toString());
    }

    /** The non-finite policy applied to a volume read from {@code source}; warns once per source. */
    Volume clean(Volume v, String source) {
        return NonFinite.apply(v, policy, source, w -> {
            if (warned.add(source)) {
                err.println("warning: " + w);
            }
        });
    }

    /** Writes a volume that must be finite (a non-finite result is an internal fault: nothing is written). */
    static void write(Volume v, Path out) throws IOException {
        NonFinite.requireFinite(v, "the result for " + out);
        NiftiWriter.write(v, out);
    }

    /** Writes text through a temporary (never a partial file under the name). */
    static void writeText(Path out, String text) throws IOException {
        TemporaryFile.write(out, t -> t.stream().write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
