/**
 * The in-memory volume: {@link org.mrisr.engine.volume.Volume} (float32 voxels, x fastest, with its NIfTI affine and space code) and {@link org.mrisr.engine.volume.Affine}. Every other engine package passes volumes around; this one depends on nothing.
 *
 * <p>Layer 1. May import: {@code org.mrisr.engine}.
 */
package org.mrisr.engine.volume;
