/**
 * The command line, {@code ./mrisr}: {@link org.mrisr.cli.Main} dispatches to one {@link org.mrisr.cli.Command} per class ({@code info}, {@code degrade}, {@code interpolate}, {@code score}, {@code train}, {@code predict}, {@code evaluate}, {@code demo}, {@code bench}). Commands parse flags ({@link org.mrisr.cli.Args}), check inputs and outputs before long work, call the engine and translate its errors to one line naming the file or flag: exit 0 ok, 2 bad input or usage, 1 internal fault. Never imports KNIME.
 */
package org.mrisr.cli;
