package org.mrisr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nifti.NiftiFolder;

/**
 * The inputs of a BIDS dataset and their derivative names. Inputs: {@code sub-<label>/[ses-<label>/]anat/
 * *_<suffix>.nii[.gz]} (suffix T1w by default). Output: the same relative folder under the derivatives folder,
 * the input's name with {@code desc-<desc>} as its last entity (replacing a desc the input had), always
 * {@code .nii.gz}: {@code sub-01/ses-1/anat/sub-01_ses-1_run-2_T1w.nii.gz} gives
 * {@code sub-01/ses-1/anat/sub-01_ses-1_run-2_desc-srganx2_T1w.nii.gz}.
 */
final class BidsLayout {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]+");

    private final Path root;

    BidsLayout(final Path root) {
        if (!Files.isDirectory(root)) {
            throw new InvalidInputException(root.toString(), "is not a folder (BIDS_DIR must be a BIDS dataset)");
        }
        if (!Files.isRegularFile(root.resolve("dataset_description.json"))) {
            throw new InvalidInputException(root.toString(), "has no dataset_description.json: not a BIDS dataset");
        }
        this.root = root;
    }

    /** The participants: every sub-* folder's label, sorted. */
    List<String> participants() {
        List<String> out = new ArrayList<>();
        for (Path p : list(root)) {
            String name = p.getFileName().toString();
            if (name.startsWith("sub-") && Files.isDirectory(p)) {
                out.add(name.substring(4));
            }
        }
        return out;
    }

    /**
     * The chosen participants (all when {@code labels} is empty); labels may carry the "sub-" prefix, as BIDS Apps
     * accept.
     *
     * @throws InvalidInputException for a label with no sub- folder, naming those there are
     */
    List<String> choose(final List<String> labels) {
        List<String> all = participants();
        if (labels.isEmpty()) {
            return all;
        }
        TreeSet<String> chosen = new TreeSet<>();
        for (String l : labels) {
            String label = l.startsWith("sub-") ? l.substring(4) : l;
            if (!LABEL.matcher(label).matches() || !all.contains(label)) {
                throw new InvalidInputException("--participant-label " + l, "no sub-" + label + " folder in " + root
                    + " (participants: " + (all.isEmpty() ? "none" : String.join(" ", all)) + ")");
            }
            chosen.add(label);
        }
        return new ArrayList<>(chosen);
    }

    /** The participant's images of the suffix, in sub-X/anat and every sub-X/ses-Y/anat, sorted by path. */
    List<Path> images(final String participant, final String suffix) {
        Path sub = root.resolve("sub-" + participant);
        List<Path> anat = new ArrayList<>();
        anat.add(sub.resolve("anat"));
        for (Path p : list(sub)) {
            if (p.getFileName().toString().startsWith("ses-") && Files.isDirectory(p)) {
                anat.add(p.resolve("anat"));
            }
        }
        List<Path> out = new ArrayList<>();
        for (Path dir : anat) {
            if (Files.isDirectory(dir)) {
                for (Path f : NiftiFolder.list(dir, false)) {
                    String name = f.getFileName().toString();
                    // BIDS images are .nii or .nii.gz; hidden files are no part of a dataset
                    if ((name.endsWith(".nii") || name.endsWith(".nii.gz")) && !name.startsWith(".")
                        && NiftiFolder.stem(name).endsWith("_" + suffix)) {
                        out.add(f);
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Where the derivative of {@code image} goes under {@code derivatives}: same folders, desc entity added. */
    Path derivative(final Path image, final Path derivatives, final String desc) {
        String stem = NiftiFolder.stem(image.getFileName().toString());
        int cut = stem.lastIndexOf('_');
        String suffix = stem.substring(cut + 1);
        List<String> entities = new ArrayList<>();
        for (String e : stem.substring(0, cut).split("_")) {
            if (!e.startsWith("desc-")) {
                entities.add(e);
            }
        }
        entities.add("desc-" + desc);
        Path relative = root.relativize(image.getParent());
        return derivatives.resolve(relative).resolve(String.join("_", entities) + "_" + suffix + ".nii.gz");
    }

    private static List<Path> list(final Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(dir.toString(), "cannot list the folder: " + e.getMessage(), e);
        }
    }
}
