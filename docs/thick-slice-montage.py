#!/usr/bin/python3
"""Through-plane montage for docs/thick-slice.md from `./mrisr thick-slice-eval --out-dir` volumes.

usage: thick-slice-montage.py OUT.png ORIGINAL.nii.gz THICK.nii.gz CUBIC.nii.gz SR.nii.gz [AXIS] [CROP] [ZOOM]

Two rows, the planes through the centre that contain the thick AXIS (default z: coronal and sagittal),
four columns: thick slices (each repeated r times, nearest) | cubic spline | thick-slice SR | original, each
cropped to the central CROP fraction (default 0.6) and enlarged ZOOM times (default 2, nearest) so that
single voxels show. One grey window for all panels: the original's 0.5th to 99.5th percentiles.
"""
import sys

import nibabel as nib
import numpy as np
from PIL import Image, ImageDraw


def load(path):
    return np.asarray(nib.load(path).dataobj, dtype=np.float32)


def main():
    out, paths = sys.argv[1], sys.argv[2:6]
    axis = "xyz".index(sys.argv[6]) if len(sys.argv) > 6 else 2
    crop = float(sys.argv[7]) if len(sys.argv) > 7 else 0.6
    zoom = int(sys.argv[8]) if len(sys.argv) > 8 else 2
    original, thick, cubic, sr = (load(p) for p in paths)
    # the evaluation trims the original along the axis to a multiple of r: the SR grid
    original = np.take(original, range(sr.shape[axis]), axis=axis)
    r = original.shape[axis] // thick.shape[axis]
    nearest = np.repeat(thick, r, axis=axis)
    lo, hi = np.percentile(original, [0.5, 99.5])
    labels = ["thick slices", "cubic spline", "thick-slice SR", "original"]
    rows = []
    for fixed in [a for a in range(3) if a != axis]:
        panels = []
        for v in (nearest, cubic, sr, original):
            p = np.take(v, v.shape[fixed] // 2, axis=fixed)  # 2-D: the remaining axes in order
            h, w = p.shape
            ch, cw = int(h * crop), int(w * crop)
            p = p[(h - ch) // 2:(h - ch) // 2 + ch, (w - cw) // 2:(w - cw) // 2 + cw]
            g = np.clip((p - lo) / (hi - lo), 0, 1) * 255
            img = Image.fromarray(np.rot90(g).astype(np.uint8))  # second remaining axis up
            panels.append(img.resize((img.width * zoom, img.height * zoom), Image.NEAREST))
        rows.append(panels)
    gap, label_h = 4, 16
    width = sum(p.width for p in rows[0]) + gap * 5
    height = label_h + sum(max(p.height for p in row) for row in rows) + gap * (len(rows) + 1)
    sheet = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(sheet)
    x = gap
    for label, p in zip(labels, rows[0]):
        draw.text((x, 2), label, fill=255)
        x += p.width + gap
    y = label_h + gap
    for row in rows:
        x = gap
        for p in row:
            sheet.paste(p, (x, y))
            x += p.width + gap
        y += max(p.height for p in row) + gap
    sheet.save(out)
    print(out, sheet.size)


if __name__ == "__main__":
    main()
