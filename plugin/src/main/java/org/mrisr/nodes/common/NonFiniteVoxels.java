package org.mrisr.nodes.common;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.NonFinite;
import org.mrisr.engine.volume.NonFinitePolicy;
import org.mrisr.engine.volume.Volume;

/**
 * The nodes' side of the engine's non-finite voxel policy ({@link NonFinite}): the option "Non-finite
 * voxels" (settings key {@value #KEY}, a flow variable like every setting; a node lists it in
 * {@code NodeSettingsGroup.addedLater()} so settings saved before the option existed load the default) and one execution's application of it to input volumes. By
 * default NaN/±Inf voxels become background (0) and the node warns, naming the rows and the counts;
 * "refuse" fails the node with an error naming the row, the column and the counts.
 */
public final class NonFiniteVoxels {
    public static final String KEY = "nonfinite_voxels";
    public static final String ZERO = "treat as background (0)";
    public static final String REFUSE = "refuse";
    /** The dialog's choices. */
    public static final String[] CHOICES = {ZERO, REFUSE};

    private final NonFinitePolicy policy;
    private final List<String> cleaned = new ArrayList<>();

    private NonFiniteVoxels(final NonFinitePolicy policy) {
        this.policy = policy;
    }

    /** The option, default "treat as background (0)". */
    public static SettingsModelString model() {
        return new SettingsModelString(KEY, ZERO);
    }

    /** The option in a node's dialog. */
    public static DialogComponentStringSelection dialogComponent() {
        return new DialogComponentStringSelection(model(), "Non-finite voxels (NaN, Inf) in inputs", CHOICES);
    }

    /** The engine policy of the option's value. */
    public static NonFinitePolicy policy(final SettingsModelString model) throws InvalidSettingsException {
        String v = model.getStringValue();
        if (ZERO.equals(v)) {
            return NonFinitePolicy.ZERO;
        }
        if (REFUSE.equals(v)) {
            return NonFinitePolicy.REFUSE;
        }
        NonFinitePolicy p = NonFinitePolicy.parse(v);
        if (p == null) {
            throw new InvalidSettingsException("Non-finite voxels: unknown '" + v + "'; use '" + ZERO + "' or '" + REFUSE
                + "' (flow variables may also say zero or refuse)");
        }
        return p;
    }

    /** One execution's application of the option. */
    public static NonFiniteVoxels of(final SettingsModelString model) throws InvalidSettingsException {
        return new NonFiniteVoxels(policy(model));
    }

    /**
     * The volume of {@code row}'s column {@code column} under the policy: itself when finite, else a
     * copy with 0 in their place (remembered for {@link #warning()}); under "refuse" a
     * {@link NonFiniteRefused} naming the row, the column and the counts.
     */
    public Volume apply(final Volume v, final String row, final String column) {
        return apply(v, "column '" + column + "'", row + ": ", "Row " + row + ": ");
    }

    /**
     * As {@link #apply(Volume, String, String)} for a volume read from a file (the NIfTI Reader): the warning
     * and the refusal name the file ({@code file}, as the user recognises it) instead of a row.
     */
    public Volume applyToFile(final Volume v, final String file) {
        return apply(v, file, "", "");
    }

    /** Whether the option is "refuse" (a writer then checks every volume before it writes the first). */
    public boolean refuses() {
        return policy == NonFinitePolicy.REFUSE;
    }

    private Volume apply(final Volume v, final String source, final String warningPrefix, final String errorPrefix) {
        try {
            return NonFinite.apply(v, policy, source, w -> {
                synchronized (cleaned) {
                    cleaned.add(warningPrefix + w);
                }
            });
        } catch (InvalidInputException e) {
            throw new NonFiniteRefused(errorPrefix + e.getMessage() + " (option 'Non-finite voxels' is '" + REFUSE + "')");
        }
    }

    /** "Non-finite voxels in 1 volume(s): row: column 'c': 1 NaN voxel(s) treated as background (0)", or null. */
    public String warning() {
        synchronized (cleaned) {
            return cleaned.isEmpty() ? null
                : "Non-finite voxels in " + cleaned.size() + " volume(s): " + NodeWarnings.firstFew(cleaned, 3, "; ");
        }
    }

    /** An input refused under "refuse": fails the node (it is not a row the engine could not compute). */
    public static final class NonFiniteRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NonFiniteRefused(final String message) {
            super(message);
        }
    }
}
