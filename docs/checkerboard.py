#!/usr/bin/python3
"""Looks for checkerboard artefacts in super-resolved volumes (docs/quality.md, "Checkerboard").

usage: docs/checkerboard.py DIR FACTOR NAME...
DIR holds hr.nii.gz, lr.nii.gz, cubic.nii.gz and NAME.nii.gz for each model output, all on the HR grid
but lr. Prints, per volume and axis, the strongest spectral peak at the periods an upsampling by
FACTOR can imprint (FACTOR and its divisors: for x4 the frequencies N/4, N/2, 3N/4), as the power there
over the mean power of the frequencies 2-3 bins away, inside the brain (HR > 0). About 1 means no peak;
sub-pixel checkerboards show as clearly more. Writes DIR/montage.png: a 64x64 axial window through the
middle, 4x enlarged, LR | cubic | NAME... | HR.
"""
import sys

import nibabel as nib
import numpy as np
from PIL import Image


def peak_ratio(v, r):
    out = []
    for ax in range(3):
        n = v.shape[ax]
        p = (np.abs(np.fft.fft(v, axis=ax)) ** 2).mean(axis=tuple(a for a in range(3) if a != ax))
        ratios = [p[j * n // r] / np.mean([p[(j * n // r + d) % n] for d in (-3, -2, 2, 3)])
                  for j in range(1, r) if j * n % r == 0]
        out.append(max(ratios) if ratios else float("nan"))
    return out


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    d, r, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    load = lambda n: nib.load(f"{d}/{n}.nii.gz").get_fdata(dtype=np.float32)
    hr = load("hr")
    mask = hr > 0
    print(f"{'volume':28s} peak ratio at periods dividing {r} (x, y, z)")
    for n in ["hr", "cubic"] + names:
        print(f"{n:28s} " + "  ".join(f"{x:5.2f}" for x in peak_ratio(load(n) * mask, r)))
    z = hr.shape[2] // 2
    x0, y0 = (hr.shape[0] - 64) // 2, min(10, hr.shape[1] - 64)
    lo, hi = np.percentile(hr[mask], [1, 99.5])

    def tile(a):
        a = np.clip((a[x0:x0 + 64, y0:y0 + 64] - lo) / (hi - lo), 0, 1)
        return Image.fromarray((a.T[::-1] * 255).astype(np.uint8)).resize((256, 256), Image.NEAREST)

    lr = load("lr")
    tiles = [tile(np.kron(lr[:, :, z // r], np.ones((r, r))))] + [tile(load(n)[:, :, z]) for n in ["cubic"] + names + ["hr"]]
    m = Image.new("L", (258 * len(tiles) - 2, 256), 255)
    for i, t in enumerate(tiles):
        m.paste(t, (258 * i, 0))
    m.save(f"{d}/montage.png")
    print(f"{d}/montage.png: LR | cubic | {' | '.join(names)} | HR")


if __name__ == "__main__":
    main()
