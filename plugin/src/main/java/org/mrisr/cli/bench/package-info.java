/**
 * The benchmarks behind {@code ./mrisr bench}: each section measures mrisr and its Python peer ({@code bench/*.py}) in the same run and reports the ratio.
 */
package org.mrisr.cli.bench;
