/**
 * Pictures of volumes for people: slice images and the LR | cubic | SRGAN | HR montage.
 *
 * <p>Layer 2. May import: {@code org.mrisr.engine.volume}.
 */
package org.mrisr.engine.viz;
