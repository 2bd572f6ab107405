/**
 * NIfTI-1/2 reading and writing (.nii, .nii.gz, .hdr/.img), equal to nibabel: header validation before any allocation, scaling, sform/qform, atomic writes.
 *
 * <p>Layer 2. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.compute}, {@code org.mrisr.engine.volume}.
 */
package org.mrisr.engine.nifti;
