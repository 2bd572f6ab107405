package org.mrisr.nodes.scorer;

import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.mrisr.engine.metrics.DataRangePolicy;
import org.mrisr.engine.metrics.MaskMode;
import org.mrisr.engine.metrics.SsimWindow;
import org.mrisr.nodes.common.NodeSettingsGroup;
import org.mrisr.nodes.common.NonFiniteVoxels;

/** Settings of the PSNR/SSIM Scorer. */
final class ScorerSettings extends NodeSettingsGroup {
    static final String MASK_NONE = "none";
    static final String MASK_AUTO = "auto (reference > 0, holes filled)";
    static final String MASK_COLUMN = "column";
    static final String RANGE_PAPER = "paper";
    static final String RANGE_REFERENCE = "reference";
    static final String RANGE_FIXED = "fixed";
    static final String MODE_DEFAULT = "default";
    static final String REGION_ALL = "whole volume";
    static final String REGION_HEAD_BOX = "head/brain box";

    final SettingsModelString referenceColumn = referenceColumn();
    final SettingsModelString testColumn = testColumn();
    final SettingsModelString maskSource = maskSource();
    final SettingsModelString maskColumn = maskColumn();
    final SettingsModelString window = window();
    final SettingsModelString range = range();
    final SettingsModelDoubleBounded fixedRange = fixedRange();
    final SettingsModelString maskMode = maskMode();
    final SettingsModelString nonFinite = NonFiniteVoxels.model();
    final SettingsModelString region = region();

    static SettingsModelString referenceColumn() {
        return new SettingsModelString("reference_column", "");
    }

    static SettingsModelString testColumn() {
        return new SettingsModelString("test_column", "");
    }

    static SettingsModelString maskSource() {
        return new SettingsModelString("mask_source", MASK_NONE);
    }

    /** Unset: null, which is what the dialog's "&lt;none&gt;" choice stores. */
    static SettingsModelString maskColumn() {
        return new SettingsModelString("mask_column", null);
    }

    static SettingsModelString window() {
        return new SettingsModelString("ssim_window", SsimWindow.UNIFORM7.label());
    }

    static SettingsModelString range() {
        return new SettingsModelString("data_range", RANGE_PAPER);
    }

    static SettingsModelDoubleBounded fixedRange() {
        return new SettingsModelDoubleBounded("fixed_data_range", 255, Double.MIN_VALUE, Double.MAX_VALUE);
    }

    /** Scored region; settings saved before the option score the whole volume, as they did. */
    static SettingsModelString region() {
        return new SettingsModelString("scored_region", REGION_ALL);
    }

    static SettingsModelString maskMode() {
        return new SettingsModelString("mask_mode", MODE_DEFAULT);
    }

    @Override
    protected List<SettingsModel> models() {
        return List.of(referenceColumn, testColumn, maskSource, maskColumn, window, range, fixedRange, maskMode, nonFinite,
            region);
    }

    @Override
    protected Map<SettingsModel, String> addedLater() {
        return Map.of(nonFinite, NonFiniteVoxels.KEY, region, "scored_region");
    }

    @Override
    protected void check() throws InvalidSettingsException {
        String m = maskSource.getStringValue();
        if (!List.of(MASK_NONE, MASK_AUTO, MASK_COLUMN).contains(m)) {
            throw new InvalidSettingsException("Mask '" + m + "' is unknown: use '" + MASK_NONE + "', '" + MASK_AUTO
                + "' or '" + MASK_COLUMN + "'");
        }
        if (!List.of(REGION_ALL, REGION_HEAD_BOX).contains(region.getStringValue())) {
            throw new InvalidSettingsException("Scored region '" + region.getStringValue() + "' is unknown: use '"
                + REGION_ALL + "' or '" + REGION_HEAD_BOX + "'");
        }
        ssimWindow();
        rangePolicy();
        maskModeValue();
        NonFiniteVoxels.policy(nonFinite);
    }

    SsimWindow ssimWindow() throws InvalidSettingsException {
        SsimWindow w = SsimWindow.parse(window.getStringValue());
        if (w == null) {
            throw new InvalidSettingsException("SSIM window '" + window.getStringValue() + "' is unknown: use '"
                + SsimWindow.UNIFORM7.label() + "' (skimage default, 7x7x7 box) or '" + SsimWindow.GAUSS11.label()
                + "' (Gaussian sigma 1.5, 11 taps)");
        }
        return w;
    }

    DataRangePolicy rangePolicy() throws InvalidSettingsException {
        switch (range.getStringValue()) {
            case RANGE_PAPER:
                return DataRangePolicy.paper();
            case RANGE_REFERENCE:
                return DataRangePolicy.reference();
            case RANGE_FIXED:
                return DataRangePolicy.fixed(fixedRange.getDoubleValue());
            default:
                throw new InvalidSettingsException("Data range '" + range.getStringValue() + "' is unknown: use '"
                    + RANGE_PAPER + "', '" + RANGE_REFERENCE + "' or '" + RANGE_FIXED + "'");
        }
    }

    /** The mask mode, null for the default of the range policy. */
    MaskMode maskModeValue() throws InvalidSettingsException {
        if (MODE_DEFAULT.equals(maskMode.getStringValue())) {
            return null;
        }
        MaskMode m = MaskMode.parse(maskMode.getStringValue());
        if (m == null) {
            throw new InvalidSettingsException("Mask mode '" + maskMode.getStringValue() + "' is unknown: use '"
                + MODE_DEFAULT + "', '" + MaskMode.MULTIPLY.label() + "' or '" + MaskMode.SELECT.label() + "'");
        }
        return m;
    }

    boolean headBox() {
        return REGION_HEAD_BOX.equals(region.getStringValue());
    }

    @Override
    protected NodeSettingsGroup fresh() {
        return new ScorerSettings();
    }
}
