/**
 * The one compute pool: {@link org.mrisr.engine.compute.ComputePool} sized by the system property {@code mrisr.compute.threads} (0 = all cores; set by the KNIME preference page, {@code -D} options or ComputeSettings), and {@link org.mrisr.engine.compute.Parallel}, the parallel loops every Java-side loop of the engine runs (volume ops, SSIM, nn float loops, gzip).
 *
 * <p>Layer 1. May import: {@code org.mrisr.engine}.
 */
package org.mrisr.engine.compute;
