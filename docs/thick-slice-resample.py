#!/usr/bin/python3
"""Resamples a true-3D volume with sub-millimetre voxels to 1 mm isotropic for thick-slice-eval.

usage: thick-slice-resample.py IN.nii.gz OUT.nii.gz

Used for studyforrest sub-02 (0.70 x 0.67 x 0.67 mm; thick slices of 4 and 5 mm are no whole number of its
voxels): a Gaussian anti-alias of sigma = sqrt(1 - s^2) / 2.3548 / s voxels along an axis of spacing s mm
(the FWHM that brings an s-mm point spread to 1 mm), then cubic spline (scipy affine_transform, order 3,
mode 'nearest') onto the 1 mm grid whose first voxel centre is the input's, floor(n * s) voxels per axis.
"""
import sys

import nibabel as nib
import numpy as np
from scipy.ndimage import affine_transform, gaussian_filter


def main():
    img = nib.load(sys.argv[1])
    v = np.asarray(img.dataobj, dtype=np.float32)
    s = np.sqrt((img.affine[:3, :3] ** 2).sum(0))
    sigma = np.sqrt(np.maximum(1.0 - s ** 2, 0)) / 2.3548 / s
    shape = tuple(np.floor(np.array(img.shape) * s).astype(int))
    out = affine_transform(gaussian_filter(v, sigma), np.diag(1.0 / s), output_shape=shape, order=3, mode="nearest")
    affine = img.affine.copy()
    affine[:3, :3] = img.affine[:3, :3] / s
    nib.save(nib.Nifti1Image(out.astype(np.float32), affine), sys.argv[2])
    print(sys.argv[2], shape)


if __name__ == "__main__":
    main()
