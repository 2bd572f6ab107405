/**
 * The benchmarks behind {@code ./mrisr bench}: each section measures mrisr and its Python peer ({@code bench/*.py}) in the same run and reports the ratio. Sections are registered by name in {@code org.mrisr.cli.BenchCommand}; not exported from the OSGi bundle.
 */
package org.mrisr.cli.bench;
