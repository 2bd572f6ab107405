package org.mrisr.nodes.common;

import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;

/**
 * The settings of one node: its SettingsModels (shared with the dialog through static factory
 * methods in the subclass) plus the checks that span values. Validation loads into a fresh instance,
 * so a rejected configuration never reaches the node's live settings. Options added after a node was
 * first released ({@link #addedLater()}) load their default from settings saved before they existed
 * (old workflows keep loading).
 */
public abstract class NodeSettingsGroup {
    /** Every model, in the order they are saved. */
    protected abstract List<SettingsModel> models();

    /**
     * Models of {@link #models()} added after the node's first release, each with its settings key:
     * settings without that key give the model its default value. None by default.
     */
    protected Map<SettingsModel, String> addedLater() {
        return Map.of();
    }

    /** Checks values after loading; messages say which option is wrong and what to enter. */
    protected abstract void check() throws InvalidSettingsException;

    /** A fresh instance with default values (used by {@link #validate}). */
    protected abstract NodeSettingsGroup fresh();

    /**
     * Settings as this version saves them. A node whose settings changed overrides this to convert what an
     * earlier version saved (recognised by its keys), so workflows saved with that version keep loading;
     * settings already in the current form come back unchanged.
     *
     * @throws InvalidSettingsException when old settings cannot be expressed in the current form
     */
    protected NodeSettingsRO upgrade(final NodeSettingsRO settings) throws InvalidSettingsException {
        return settings;
    }

    /**
     * For {@link #upgrade}, on a fresh group whose converted models are set: loads the models whose keys did not
     * change from the old settings and returns the whole group as this version saves it.
     */
    protected final NodeSettingsRO carryOver(final NodeSettingsRO old, final List<SettingsModel> kept)
        throws InvalidSettingsException {
        for (SettingsModel m : kept) {
            m.loadSettingsFrom(old);
        }
        NodeSettings out = new NodeSettings("model");
        save(out);
        return out;
    }

    /** Checks the current values (configure calls this: a node never configured with defaults that cannot run). */
    public final void validateValues() throws InvalidSettingsException {
        check();
    }

    public final void save(final NodeSettingsWO settings) {
        for (SettingsModel m : models()) {
            m.saveSettingsTo(settings);
        }
    }

    public final void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeSettingsGroup probe = fresh();
        probe.loadUnchecked(probe.upgrade(settings));
        probe.check();
    }

    public final void load(final NodeSettingsRO settings) throws InvalidSettingsException {
        loadUnchecked(upgrade(settings));
    }

    private void loadUnchecked(final NodeSettingsRO settings) throws InvalidSettingsException {
        List<SettingsModel> models = models();
        Map<SettingsModel, String> later = addedLater();
        List<SettingsModel> defaults = later.isEmpty() ? List.of() : fresh().models();
        for (int i = 0; i < models.size(); i++) {
            SettingsModel m = models.get(i);
            String key = later.get(m);
            if (key != null && !settings.containsKey(key)) {
                NodeSettings d = new NodeSettings("default");
                defaults.get(i).saveSettingsTo(d);
                m.loadSettingsFrom(d);
            } else {
                m.loadSettingsFrom(settings);
            }
        }
    }
}
