#!/usr/bin/env bash
# Makes ch2bet-crop40.nii.gz, the small brain volume the testflows read, in each testflow's own data
# folder (mrisr-baseline/data, mrisr-srgan/data): they read it as knime://knime.workflow/data/..., inside
# the workflow, so they also run as a temporary copy or a workflow not imported into a space, which KNIME
# refuses to let reach outside its folder. The volume is the centre 40x40x40 voxels of Debian's
# mricron-data template ch2bet.nii.gz (Colin 27, skull-stripped T1, 1 mm; MRIcron, Copyright 2006-2010
# Chris Rorden, BSD-3-clause, see /usr/share/doc/mricron-data/copyright), uint8 as in the original, the
# affine moved to the crop by nibabel's slicer. TestflowSettingsTest and SrganTestflowTest check that each
# copy equals the same crop of the template.
set -euo pipefail
cd "$(dirname "$0")"
/usr/bin/python3 - <<'PY'
import gzip
import nibabel as nib
img = nib.load("/usr/share/mricron/templates/ch2bet.nii.gz")
n = 40
x0, y0, z0 = [(s - n) // 2 for s in img.shape]
crop = img.slicer[x0:x0 + n, y0:y0 + n, z0:z0 + n]
raw = crop.to_bytes()
for flow in ("mrisr-baseline", "mrisr-srgan"):
    out = flow + "/data/ch2bet-crop40.nii.gz"
    with open(out, "wb") as f:  # mtime 0: the same bytes on every run
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
            g.write(raw)
    print(out, crop.shape, crop.get_data_dtype(), "origin voxel", (x0, y0, z0))
PY
