package org.mrisr.prefs;

import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nd4j.ComputeSettings;

/** KNIME → MRI Super-Resolution: ND4J threads, off-heap memory limit, CPU or GPU, the memory bound of a prediction. */
public final class MrisrPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    public MrisrPreferencePage() {
        super(GRID);
        setDescription("Compute settings of the mrisr nodes. They take effect when ND4J starts, i.e. for the first "
            + "SRGAN node run after starting KNIME; restart KNIME after changing them (the memory bound of a prediction "
            + "applies from the next SR Predictor run). OMP_WAIT_POLICY=PASSIVE is an "
            + "environment variable and must be set before KNIME starts (see the mrisr README).");
    }

    @Override
    public void init(final IWorkbench workbench) {
        setPreferenceStore(MrisrPreferences.store());
    }

    @Override
    protected void createFieldEditors() {
        IntegerFieldEditor threads = new IntegerFieldEditor(ComputeSettings.THREADS, "ND4J threads (0 = all cores)",
            getFieldEditorParent());
        threads.setValidRange(0, 1024);
        addField(threads);
        addField(new StringFieldEditor(ComputeSettings.OFF_HEAP, "Off-heap memory limit (e.g. 8G; 0 = default)",
            getFieldEditorParent()) {
            @Override
            protected boolean doCheckState() {
                String problem = MrisrPreferences.offHeapProblem(getStringValue());
                if (problem != null) {
                    setErrorMessage(problem);
                }
                return problem == null;
            }
        });
        addField(new RadioGroupFieldEditor(ComputeSettings.DEVICE, "Device", 2,
            new String[][] {{"CPU", "CPU"}, {"GPU (needs the mrisr CUDA feature)", "GPU"}}, getFieldEditorParent()));
        // read at every SR Predictor execution (no restart needed): picks each row's window, like predict --max-memory
        addField(new StringFieldEditor(ComputeSettings.PREDICT_MEMORY,
            "Memory bound of one SR prediction (e.g. 2G; 0 = the node's window)", getFieldEditorParent()) {
            @Override
            protected boolean doCheckState() {
                String problem = MrisrPreferences.sizeProblem(ComputeSettings.PREDICT_MEMORY, getStringValue());
                if (problem != null) {
                    setErrorMessage(problem);
                }
                return problem == null;
            }
        });
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        if (ok) {
            try {
                MrisrPreferences.publish(getPreferenceStore());
            } catch (InvalidInputException e) {
                setErrorMessage(e.getMessage());
                return false;
            }
        }
        return ok;
    }
}
