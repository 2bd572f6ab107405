package org.mrisr.nodes.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows one execution could not compute, each with the engine's reason, summarised into one node
 * warning: one bad volume must not fail a batch, but the user must learn which rows and why.
 */
public final class RowFailures {
    private final List<String> failures = new ArrayList<>();

    public void add(final String key, final String reason) {
        failures.add(key + ": " + reason);
    }

    public int count() {
        return failures.size();
    }

    /** "N row(s) {@code outcome}: key: reason; ..." (the first three), or null when every row succeeded. */
    public String summary(final String outcome) {
        return failures.isEmpty() ? null
            : failures.size() + " row(s) " + outcome + ": " + NodeWarnings.firstFew(failures, 3, "; ");
    }
}
