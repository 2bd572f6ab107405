#!/usr/bin/python3
"""Montage for docs/quality.md and README from the volumes `./mrisr demo` writes.

usage: cross-subject-montage.py OUT.png DEMO_DIR FACTOR [CROP] [ZOOM]

Three rows (axial, coronal, sagittal planes through the centre), four columns: LR (each voxel repeated
FACTOR times, nearest) | cubic spline | SRGAN | HR, each cropped to the central CROP fraction (default
0.5) and enlarged ZOOM times (default 2, nearest) so single voxels show. One grey window for all panels:
HR's foreground (voxels > 0) 0.5th to 99.5th percentiles. The sagittal plane is at 40 % of x, off the
midline.
"""
import os
import sys

import nibabel as nib
import numpy as np
from PIL import Image, ImageDraw


def load(path):
    return np.asarray(nib.load(path).dataobj, dtype=np.float32)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    out, d, r = sys.argv[1], sys.argv[2], int(sys.argv[3])
    crop = float(sys.argv[4]) if len(sys.argv) > 4 else 0.5
    zoom = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    hr = load(os.path.join(d, "hr.nii.gz"))
    lr = load(os.path.join(d, "lr.nii.gz"))
    nearest = lr.repeat(r, 0).repeat(r, 1).repeat(r, 2)[: hr.shape[0], : hr.shape[1], : hr.shape[2]]
    cubic = load(os.path.join(d, "cubic.nii.gz"))
    sr = load(os.path.join(d, "srgan.nii.gz"))
    lo, hi = np.percentile(hr[hr > 0], [0.5, 99.5])
    labels = ["LR (nearest)", "cubic spline", "SRGAN", "HR"]
    rows = []
    for fixed in (2, 1, 0):  # axial, coronal, sagittal
        panels = []
        for v in (nearest, cubic, sr, hr):
            at = int(v.shape[fixed] * 0.4) if fixed == 0 else v.shape[fixed] // 2
            p = np.take(v, at, axis=fixed)
            h, w = p.shape
            ch, cw = int(h * crop), int(w * crop)
            p = p[(h - ch) // 2:(h - ch) // 2 + ch, (w - cw) // 2:(w - cw) // 2 + cw]
            g = np.clip((p - lo) / (hi - lo), 0, 1) * 255
            img = np.rot90(g).repeat(zoom, 0).repeat(zoom, 1)  # first voxel axis left to right, second upwards
            panels.append(img.astype(np.uint8))
        rows.append(panels)
    ph = max(p.shape[0] for row in rows for p in row)
    pw = max(p.shape[1] for row in rows for p in row)
    gap, top = 4, 18
    canvas = Image.new("L", (4 * pw + 3 * gap, top + 3 * ph + 2 * gap), 0)
    draw = ImageDraw.Draw(canvas)
    for c, label in enumerate(labels):
        draw.text((c * (pw + gap) + 4, 3), label, fill=255)
    for ri, row in enumerate(rows):
        for c, p in enumerate(row):
            canvas.paste(Image.fromarray(p), (c * (pw + gap), top + ri * (ph + gap)))
    canvas.save(out)


if __name__ == "__main__":
    main()
