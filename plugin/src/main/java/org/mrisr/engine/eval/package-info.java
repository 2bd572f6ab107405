/**
 * The paper's Table 1 on any data: compares upscalers (nearest, trilinear, cubic, models) per volume or per block, paired gains over a baseline, and the fixed train/held-out split of one brain used by the demo and the quality protocol.
 *
 * <p>Layer 8. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.metrics}, {@code org.mrisr.engine.ops}, {@code org.mrisr.engine.volume}.
 */
package org.mrisr.engine.eval;
