#!/usr/bin/python3
"""Peer of `./mrisr bench --only ops`: times scipy.ndimage on the paper's degradation and on the
cubic-spline baseline, and prints one JSON line.

usage: ops_peer.py --repeats N VOLUME.nii.gz ...

For each volume: degrade = zoom(gaussian_filter(hr, 1), 1/2, order=3, prefilter=False), then
upsample = zoom(lr, 2, order=3). Times are the best of N runs (seconds); loading is not timed.
"""
import argparse
import os
import time

import nibabel as nib
import numpy as np
import scipy
import scipy.ndimage as ndi

from peer_common import report


def best_of(n, fn):
    best = float("inf")
    out = None
    for _ in range(n):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("volumes", nargs="+")
    a = ap.parse_args()
    result = {"peer": "scipy " + scipy.__version__, "volumes": {}}
    for path in a.volumes:
        img = nib.load(path)
        hr = np.asarray(img.get_fdata(dtype=np.float32), dtype=np.float32)
        name = os.path.basename(path)
        t_deg, lr = best_of(a.repeats, lambda: ndi.zoom(ndi.gaussian_filter(hr, 1), 0.5, order=3, prefilter=False))
        t_up, up = best_of(a.repeats, lambda: ndi.zoom(lr, 2, order=3))
        result["volumes"][name] = {"shape": list(hr.shape), "degrade_x2_s": t_deg, "upsample_x2_s": t_up,
                                   "lr_shape": list(lr.shape), "up_shape": list(up.shape)}
    report(result)


if __name__ == "__main__":
    main()
