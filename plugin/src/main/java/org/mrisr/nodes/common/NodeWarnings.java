package org.mrisr.nodes.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Node warnings that stay readable for large batches: the first few items, then "...". */
public final class NodeWarnings {
    private NodeWarnings() {
    }

    /** The first {@code max} items joined by {@code separator}, then "..." when there are more. */
    public static String firstFew(final Collection<String> items, final int max, final String separator) {
        List<String> all = new ArrayList<>(items);
        return String.join(separator, all.subList(0, Math.min(max, all.size())))
            + (all.size() > max ? separator + "..." : "");
    }

    /** The non-null lines, one per line; null when there are none (no warning). */
    public static String join(final String... lines) {
        List<String> kept = new ArrayList<>();
        for (String l : lines) {
            if (l != null) {
                kept.add(l);
            }
        }
        return kept.isEmpty() ? null : String.join("\n", kept);
    }
}
