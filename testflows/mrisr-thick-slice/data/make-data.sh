#!/usr/bin/env bash
# Makes ch2bet-crop48-z4.nii.gz, the thick-slice scan the mrisr-thick-slice testflow reads (through
# knime://knime.workflow/data/..., so the workflow folder carries its own data): the centre 48x48x48
# voxels of Debian's mricron-data template ch2bet.nii.gz (Colin 27, skull-stripped T1, 1 mm; MRIcron,
# Copyright 2006-2010 Chris Rorden, BSD-3-clause, see /usr/share/doc/mricron-data/copyright) as a
# 1 x 1 x 4 mm scan: a Gaussian slice profile of FWHM 4 mm along z (scipy's gaussian_filter1d, mode
# 'reflect', truncate 4), then every 4th slice from the first, float32, the z column of the affine x 4.
# ThickSliceTestflowTest checks it against the engine's simulation of the same crop.
set -euo pipefail
cd "$(dirname "$0")"
/usr/bin/python3 - <<'PY'
import gzip, math
import numpy as np
import nibabel as nib
from scipy.ndimage import gaussian_filter1d
img = nib.load("/usr/share/mricron/templates/ch2bet.nii.gz")
n, r = 48, 4
x0, y0, z0 = [(s - n) // 2 for s in img.shape]
crop = img.slicer[x0:x0 + n, y0:y0 + n, z0:z0 + n]
v = np.asarray(crop.dataobj, dtype=np.float64)
sigma = r / (2 * math.sqrt(2 * math.log(2)))
thick = gaussian_filter1d(v, sigma, axis=2, mode="reflect", truncate=4.0)[:, :, ::r].astype(np.float32)
affine = crop.affine.copy()
affine[:, 2] *= r
out = nib.Nifti1Image(thick, affine)
out.set_qform(affine, code=int(crop.header["qform_code"]))
out.set_sform(affine, code=int(crop.header["sform_code"]))
with open("ch2bet-crop48-z4.nii.gz", "wb") as f:  # mtime 0: the same bytes on every run
    with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
        g.write(out.to_bytes())
print("ch2bet-crop48-z4.nii.gz", thick.shape, "origin voxel", (x0, y0, z0))
PY
