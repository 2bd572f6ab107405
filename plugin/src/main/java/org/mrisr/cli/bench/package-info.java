/**
 * The benchmarks behind {@code ./mrisr bench}: each section measures mrisr and its Python peer ({@code bench/*.py}) in the same run and reports the ratio. Sections are registered by name in {@code org.mrisr.cli.BenchCommand}; not exported from the OSGi bundle. How figures are measured is shared: {@link org.mrisr.cli.bench.Interleaved} runs both sides alternately and {@link org.mrisr.cli.bench.Stats} gives median and range; {@link org.mrisr.cli.bench.ChildProcess} pins threads and reads each child's peak RSS from outside; {@link org.mrisr.cli.bench.NetFlops} and {@link org.mrisr.cli.bench.MachinePeak} give GFLOP/s and the share of the machine's peak; {@link org.mrisr.cli.bench.BenchReport} prints the table or JSON.
 */
package org.mrisr.cli.bench;
