package org.mrisr.engine.volume;

/**
 * What to do with NaN and ±Inf voxels in an input (SPM and FSL write NaN outside the brain mask):
 * the one policy every command and node applies right after reading a volume.
 */
public enum NonFinitePolicy {
    /** Treat them as background: replace with 0 and warn, naming the file and the counts (the default). */
    ZERO,
    /** Refuse the input with an error naming the file and the counts. */
    REFUSE;

    /** Parses "zero" or "refuse" (any case); null for anything else. */
    public static NonFinitePolicy parse(String s) {
        for (NonFinitePolicy p : values()) {
            if (p.name().equalsIgnoreCase(s == null ? "" : s.strip())) {
                return p;
            }
        }
        return null;
    }
}
