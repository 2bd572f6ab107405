package org.mrisr.nodes.patches;

import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.mrisr.nodes.common.NodeSettingsGroup;
import org.mrisr.nodes.common.NonFiniteVoxels;

/** Settings of the Patch Extractor. Defaults: 32³ HR patches, stride 24, factor 2 (small-GPU sized). */
final class PatchExtractorSettings extends NodeSettingsGroup {
    final SettingsModelString hrColumn = hrColumn();
    final SettingsModelString lrColumn = lrColumn();
    final SettingsModelIntegerBounded factor = factor();
    final SettingsModelIntegerBounded patchX = patch("x");
    final SettingsModelIntegerBounded patchY = patch("y");
    final SettingsModelIntegerBounded patchZ = patch("z");
    final SettingsModelIntegerBounded strideX = stride("x");
    final SettingsModelIntegerBounded strideY = stride("y");
    final SettingsModelIntegerBounded strideZ = stride("z");
    final SettingsModelDoubleBounded foreground = foreground();
    final SettingsModelBoolean shuffle = shuffle();
    final SettingsModelInteger seed = seed();
    final SettingsModelIntegerBounded maxPerVolume = maxPerVolume();
    final SettingsModelString nonFinite = NonFiniteVoxels.model();

    static SettingsModelString hrColumn() {
        return new SettingsModelString("hr_column", "");
    }

    static SettingsModelString lrColumn() {
        return new SettingsModelString("lr_column", "");
    }

    /** The integer super-resolution factor r between the HR and LR grids. */
    static SettingsModelIntegerBounded factor() {
        return new SettingsModelIntegerBounded("factor", 2, 1, 16);
    }

    /** HR patch size along an axis, in voxels (a multiple of the factor). */
    static SettingsModelIntegerBounded patch(final String axis) {
        return new SettingsModelIntegerBounded("patch_" + axis, 32, 1, 1024);
    }

    /** HR stride along an axis, in voxels (a multiple of the factor, at most the patch size). */
    static SettingsModelIntegerBounded stride(final String axis) {
        return new SettingsModelIntegerBounded("stride_" + axis, 24, 1, 1024);
    }

    /** Minimum fraction of brain voxels (HR > 0, holes filled) a patch must contain; 0 keeps all. */
    static SettingsModelDoubleBounded foreground() {
        return new SettingsModelDoubleBounded("min_foreground_fraction", 0.1, 0.0, 1.0);
    }

    static SettingsModelBoolean shuffle() {
        return new SettingsModelBoolean("shuffle", false);
    }

    static SettingsModelInteger seed() {
        return new SettingsModelInteger("seed", 42);
    }

    /** At most this many patches per volume (after the foreground filter, in output order); 0 = all. */
    static SettingsModelIntegerBounded maxPerVolume() {
        return new SettingsModelIntegerBounded("max_patches_per_volume", 0, 0, Integer.MAX_VALUE);
    }

    int[] patch() {
        return new int[] {patchX.getIntValue(), patchY.getIntValue(), patchZ.getIntValue()};
    }

    int[] stride() {
        return new int[] {strideX.getIntValue(), strideY.getIntValue(), strideZ.getIntValue()};
    }

    @Override
    protected List<SettingsModel> models() {
        return List.of(hrColumn, lrColumn, factor, patchX, patchY, patchZ, strideX, strideY, strideZ, foreground, shuffle,
            seed, maxPerVolume, nonFinite);
    }

    @Override
    protected Map<SettingsModel, String> addedLater() {
        return Map.of(nonFinite, NonFiniteVoxels.KEY);
    }

    @Override
    protected void check() throws InvalidSettingsException {
        NonFiniteVoxels.policy(nonFinite);
        int r = factor.getIntValue();
        int[] p = patch();
        int[] s = stride();
        for (int a = 0; a < 3; a++) {
            char ax = "xyz".charAt(a);
            if (p[a] % r != 0 || s[a] % r != 0) {
                throw new InvalidSettingsException("Patch size " + p[a] + " and stride " + s[a] + " along " + ax
                    + " must be multiples of the factor " + r + " so that each HR patch has an exact LR patch");
            }
            if (s[a] > p[a]) {
                throw new InvalidSettingsException("Stride " + s[a] + " along " + ax + " is larger than the patch size "
                    + p[a] + " and would leave gaps: use a stride <= " + p[a]);
            }
        }
    }

    @Override
    protected NodeSettingsGroup fresh() {
        return new PatchExtractorSettings();
    }
}
