/**
 * The SRGAN Learner node: trains a model from a patch table through the engine's one training
 * pipeline ({@link org.mrisr.engine.srgan.train.TrainingJob}, as {@code ./mrisr train}), with a
 * learning-monitor view. One class per concern:
 * <ul>
 * <li>{@link org.mrisr.nodes.learner.SrganLearnerNodeModel}: the node lifecycle; delegates the rest;
 * <li>{@link org.mrisr.nodes.learner.SrganLearnerSettings}, {@link org.mrisr.nodes.learner.PatchColumns}:
 * options and the patch table's columns;
 * <li>{@link org.mrisr.nodes.learner.TablePatchSource}: the table as the engine's training data
 * (normalised with the engine's normaliser per source), {@link org.mrisr.nodes.learner.TableProvenance}
 * what the model records about the table;
 * <li>{@link org.mrisr.nodes.learner.LearnerSpec}: settings and ports as the engine's spec, with the
 * validation table, {@link org.mrisr.nodes.learner.WarmStartPort} (warm start),
 * {@link org.mrisr.nodes.learner.EpochPlan} (epochs to steps, progress text) and
 * {@link org.mrisr.nodes.learner.CheckpointFolder};
 * <li>{@link org.mrisr.nodes.learner.LearnerProgress}, {@link org.mrisr.nodes.learner.TrainingHistory},
 * {@link org.mrisr.nodes.learner.HistoryTable}: per-step history, progress and the history output;
 * <li>{@link org.mrisr.nodes.learner.Cancellation}: the stop button, KNIME's cancel and its message;
 * <li>{@link org.mrisr.nodes.learner.LearningMonitorNodeView}, {@link org.mrisr.nodes.learner.LossChart}:
 * the view.
 * </ul>
 * Nodes use the engine's training API only (no {@code org.mrisr.engine.nn}).
 */
package org.mrisr.nodes.learner;
