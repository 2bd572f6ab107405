/**
 * The command line, {@code ./mrisr}: {@link org.mrisr.cli.Main} dispatches to one {@link org.mrisr.cli.Command} per class ({@code info}, {@code degrade}, {@code interpolate}, {@code score}, {@code train}, {@code predict}, {@code evaluate}, {@code demo}, {@code bench}). Commands parse flags ({@link org.mrisr.cli.Args}), check inputs and outputs before long work (outputs with {@link org.mrisr.engine.OutputFile}), call the engine and translate its errors to one line naming the file or flag (engine parameters become flags, {@link org.mrisr.cli.EngineFlags}): exit 0 ok, 2 bad input or usage, 1 internal fault. Never imports KNIME; not exported from the OSGi bundle (nothing outside the command line may depend on it).
 */
package org.mrisr.cli;
