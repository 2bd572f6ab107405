/**
 * The SRGAN networks of the paper: the 3D generator (resize-conv, sub-pixel, sub-pixel-NN upsampling; optional global input skip), the discriminator, and their configurations. Architecture only: no training, no files.
 *
 * <p>Layer 4. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.nn}.
 */
package org.mrisr.engine.srgan.net;
