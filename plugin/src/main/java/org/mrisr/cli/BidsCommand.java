package org.mrisr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.mrisr.engine.BuildInfo;
import org.mrisr.engine.InvalidInputException;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code ./mrisr bids BIDS_DIR OUT_DIR participant}: the BIDS-App form of a batch prediction, one participant (or a
 * few) per call so that a cluster job array runs one subject per task. Writes a BIDS derivative dataset
 * ({@link BidsLayout} for the names).
 */
final class BidsCommand implements Command {
    @Override
    public String name() {
        return "bids";
    }

    @Override
    public String summary() {
        return "super-resolve the anatomical images of a BIDS dataset into a BIDS derivative (BIDS-App form)";
    }

    @Override
    public String help() {
        return String.join("\n",
                "usage: mrisr bids BIDS_DIR OUT_DIR participant [--participant-label L ...] [--factor 2|4 | --model M]",
                "                  [--suffix T1w] [--jobs N] [--overwrite] [--window N] [--overlap N] [--blending B]",
                "",
                "The BIDS-App form (bids-apps.neuroimaging.io): for each chosen participant, every",
                "sub-<L>/[ses-<S>/]anat/*_<suffix>.nii[.gz] of BIDS_DIR is super-resolved into OUT_DIR under the same",
                "folders and name with a desc entity: sub-01/ses-1/anat/sub-01_ses-1_T1w.nii.gz gives",
                "OUT_DIR/sub-01/ses-1/anat/sub-01_ses-1_desc-srganx2_T1w.nii.gz (desc-srganx<factor>; an input's own",
                "desc is replaced). OUT_DIR/dataset_description.json (DatasetType derivative, GeneratedBy mrisr and its",
                "version, SourceDatasets BIDS_DIR) is written when missing.",
                "",
                "  participant     the analysis level; mrisr has no group level",
                "  --participant-label L ...",
                "                  participants to process, with or without 'sub-' (default: all); one per task of",
                "                  a cluster job array",
                "  --suffix S      the images to super-resolve (default T1w; e.g. T2w, FLAIR)",
                "  --jobs N        images predicted at once (default 1), never more than the Java heap holds: each",
                "                  image's need is estimated from its header (at x2 with the default window about",
                "                  210 bytes per LR voxel, 417 MiB for 128^3)",
                "  --overwrite     redo outputs that exist (default: skip them)",
                PredictSetup.FLAGS_HELP,
                "",
                "Without --model the model shipped for --factor (default 2) is used. Each output is written atomically;",
                "a bad image is reported on one line `error: <file>: <problem>` and the others go on; a summary line",
                "follows (stderr), the written/skipped/failed lists as JSON (stdout); exit 2 when an image was bad.");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        List<String> pos = args.positional();
        if (pos.size() != 3) {
            throw new UsageException("give BIDS_DIR OUT_DIR participant (in this order, before the flags), got "
                + pos.size() + " word(s)");
        }
        if (!pos.get(2).equals("participant")) {
            throw new UsageException("analysis level '" + pos.get(2) + "': mrisr has only the participant level");
        }
        Path bids = Path.of(pos.get(0));
        Path outDir = Path.of(pos.get(1));
        List<String> labels = args.list("participant-label");
        String suffix = args.string("suffix", "T1w");
        boolean overwrite = args.flag("overwrite");
        int jobs = args.integer("jobs", 1);
        PredictSetup setup = PredictSetup.parse(args, 2);
        args.rejectUnknown();
        BidsLayout layout = new BidsLayout(bids);
        if (outDir.toAbsolutePath().normalize().equals(bids.toAbsolutePath().normalize())) {
            throw new InvalidInputException(outDir.toString(), "OUT_DIR is the BIDS dataset itself; derivatives go to "
                + "their own folder (e.g. BIDS_DIR/derivatives/mrisr)");
        }
        int factor = setup.modelFactor();
        List<BatchPrediction.Job> todo = new ArrayList<>();
        for (String p : layout.choose(labels)) {
            for (Path image : layout.images(p, suffix)) {
                todo.add(new BatchPrediction.Job(image, layout.derivative(image, outDir, "srganx" + factor)));
            }
        }
        if (todo.isEmpty()) {
            throw new InvalidInputException(bids.toString(), "no sub-*/[ses-*/]anat/*_" + suffix + ".nii[.gz] images for "
                + (labels.isEmpty() ? "any participant" : "participant(s) " + String.join(" ", labels)));
        }
        Files.createDirectories(outDir);
        writeDescription(bids, outDir, factor, setup, overwrite);
        return new BatchPrediction(setup, todo, overwrite, jobs).run(out, err);
    }

    /**
     * OUT_DIR/dataset_description.json of a BIDS derivative, written atomically when missing (or with --overwrite);
     * an existing one that is not a derivative is refused, so no other dataset is taken over.
     */
    private static void writeDescription(final Path bids, final Path outDir, final int factor, final PredictSetup setup,
        final boolean overwrite) throws IOException {
        Path file = outDir.resolve("dataset_description.json");
        if (Files.exists(file) && !overwrite) {
            JsonObject existing;
            try {
                existing = new JsonParser().parse(Files.readString(file)).getAsJsonObject();
            } catch (RuntimeException e) {
                throw new InvalidInputException(file.toString(), "is not a JSON object: " + e.getMessage(), e);
            }
            if (!existing.has("DatasetType") || !"derivative".equals(existing.get("DatasetType").getAsString())) {
                throw new InvalidInputException(file.toString(), "describes a dataset that is not a derivative; give "
                    + "mrisr its own OUT_DIR");
            }
            return;
        }
        JsonObject d = new JsonObject();
        d.addProperty("Name", "mrisr 3D SRGAN super-resolution (x" + factor + ")");
        d.addProperty("BIDSVersion", "1.9.0");
        d.addProperty("DatasetType", "derivative");
        JsonObject by = new JsonObject();
        by.addProperty("Name", "mrisr");
        by.addProperty("Version", BuildInfo.mrisrVersion());
        by.addProperty("Description", "3D SRGAN super-resolution (Sanchez and Vilaplana, MIDL 2018), x" + factor + ", "
            + (setup.modelFile() == null ? "the model shipped with mrisr" : "model " + setup.modelFile()) + "; "
            + (setup.maxMemory() > 0 ? "window per image within --max-memory " + setup.maxMemoryText()
                : "window " + setup.options().window()) + ", overlap " + setup.options().overlap());
        JsonArray generated = new JsonArray();
        generated.add(by);
        d.add("GeneratedBy", generated);
        JsonObject source = new JsonObject();
        source.addProperty("URL", bids.toAbsolutePath().normalize().toUri().toString());
        JsonArray sources = new JsonArray();
        sources.add(source);
        d.add("SourceDatasets", sources);
        Path tmp = outDir.resolve(".dataset_description.json." + ProcessHandle.current().pid() + ".part");
        try {
            Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().create().toJson(d) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
