package org.mrisr.engine.srgan.io;

import java.util.List;
import java.util.Locale;

import org.mrisr.engine.InvalidInputException;

import com.google.gson.JsonElement;

/**
 * The MRI contrast of a volume (T1w, T2w, …) as model.json records it ({@code trainingInput.contrast})
 * and as prediction compares it: a model learns the intensity relations of its training contrast,
 * so a FLAIR given to a T1w model is worth a warning. The names are BIDS's anatomical suffixes;
 * {@link #UNKNOWN} when nothing says, or the sources disagree.
 *
 * <p>Inference from a file name ({@link #fromFileName}): the name without folder and extensions is
 * split on {@code _ - .} and each token is matched, ignoring case, to a BIDS suffix ({@code T1w},
 * {@code T2w}, {@code FLAIR}, {@code PDw}, {@code T2starw}) or a common token ({@code T1},
 * {@code T2}, {@code PD}, {@code MPRAGE}, {@code T2star}); tokens naming two contrasts give unknown.
 */
public final class Contrast {
    public static final String UNKNOWN = "unknown";
    /** The contrasts a model file may record, besides {@link #UNKNOWN}. */
    public static final List<String> KNOWN = List.of("T1w", "T2w", "FLAIR", "PDw", "T2starw");

    private Contrast() {
    }

    /** The recorded name for a user's spelling (case ignored, common tokens allowed), or null if none. */
    public static String parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (String k : KNOWN) {
            if (k.toLowerCase(Locale.ROOT).equals(t)) {
                return k;
            }
        }
        return switch (t) {
            case "t1", "mprage" -> "T1w";
            case "t2" -> "T2w";
            case "pd" -> "PDw";
            case "t2star" -> "T2starw";
            default -> null;
        };
    }

    /** A value given by a user (flag or setting): a known contrast or unknown, else refused naming {@code what}. */
    public static String require(String text, String what) {
        if (UNKNOWN.equalsIgnoreCase(text)) {
            return UNKNOWN;
        }
        String c = parse(text);
        if (c == null) {
            throw new InvalidInputException(what, "unknown contrast '" + shortText(text) + "'; use one of "
                    + String.join(", ", KNOWN) + " or " + UNKNOWN);
        }
        return c;
    }

    /** The contrast a file name says, or {@link #UNKNOWN}. */
    public static String fromFileName(String name) {
        // the last path element, split by hand: any text is a name here, even one no file system allows
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String found = null;
        for (String token : base.split("[_.\\-]")) {
            String c = parse(token);
            if (c != null) {
                if (found != null && !found.equals(c)) {
                    return UNKNOWN;
                }
                found = c;
            }
        }
        return found == null ? UNKNOWN : found;
    }

    /** The one contrast all file names say, or {@link #UNKNOWN} when any says none or they disagree. */
    public static String fromFileNames(List<String> names) {
        String found = null;
        for (String n : names) {
            String c = fromFileName(n);
            if (UNKNOWN.equals(c) || (found != null && !found.equals(c))) {
                return UNKNOWN;
            }
            found = c;
        }
        return found == null ? UNKNOWN : found;
    }

    /** True for a known contrast (not null, not unknown). */
    public static boolean known(String contrast) {
        return contrast != null && KNOWN.contains(contrast);
    }

    /** A model file's recorded value: a known contrast or unknown, else refused naming the file and the field. */
    static String read(JsonElement e, String src) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new InvalidInputException(src, "field 'trainingInput.contrast' must be a string, one of "
                    + String.join(", ", KNOWN) + " or " + UNKNOWN);
        }
        String value = e.getAsString();
        if (UNKNOWN.equals(value) || KNOWN.contains(value)) {
            return value;
        }
        throw new InvalidInputException(src, "field 'trainingInput.contrast' is '" + shortText(value)
                + "'; this mrisr knows " + String.join(", ", KNOWN) + " and " + UNKNOWN + " (a newer mrisr wrote the file?)");
    }

    private static String shortText(String t) {
        return t.length() <= 40 ? t : t.substring(0, 40) + "...";
    }
}
