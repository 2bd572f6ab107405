#!/usr/bin/env bash
# Makes ch2bet-crop40.nii.gz, the small brain volume the testflows read (through a workflow-relative
# knime:// URL, so they run on any machine): the centre 40x40x40 voxels of Debian's mricron-data
# template ch2bet.nii.gz (Colin 27, skull-stripped T1, 1 mm; MRIcron, Copyright 2006-2010 Chris Rorden,
# BSD-3-clause, see /usr/share/doc/mricron-data/copyright), uint8 as in the original, the affine moved
# to the crop by nibabel's slicer. TestflowSettingsTest checks it equals the same crop of the template.
set -euo pipefail
cd "$(dirname "$0")"
/usr/bin/python3 - <<'PY'
import gzip, io
import nibabel as nib
img = nib.load("/usr/share/mricron/templates/ch2bet.nii.gz")
n = 40
x0, y0, z0 = [(s - n) // 2 for s in img.shape]
crop = img.slicer[x0:x0 + n, y0:y0 + n, z0:z0 + n]
raw = crop.to_bytes()
with open("ch2bet-crop40.nii.gz", "wb") as f:  # mtime 0: the same bytes on every run
    with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
        g.write(raw)
print("ch2bet-crop40.nii.gz", crop.shape, crop.get_data_dtype(), "origin voxel", (x0, y0, z0))
PY
