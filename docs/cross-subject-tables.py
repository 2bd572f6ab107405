#!/usr/bin/python3
"""Markdown tables for docs/quality.md and README from `./mrisr evaluate --json` outputs.

usage: docs/cross-subject-tables.py EVAL.json [EVAL.json ...]

Each file is one factor's evaluation of the held-out people (docs/shipped-models-recipe.sh writes
evaluate-x2.json and evaluate-x4.json). Prints, per factor, one row per person and method with whole and
brain-masked (reference policy) PSNR / SSIM, then each model's paired gain over cubic spline over people
(mean +- std, people won).
"""
import json
import os
import statistics
import sys

NAMES = {
    "ch2bet.nii.gz": "Colin 27 (skull-stripped T1, 1 mm)",
    "aomic_piop2_sub-0001_T1w_orig.nii.gz": "AOMIC-PIOP2 sub-0001 (full-head T1, 1 mm)",
    "msljub_patient07_FLAIR_mni.nii.gz": "MS patient 07 (skull-stripped 3D FLAIR, 1 mm)",
    "cstar_stroke_T2.nii.gz": "C-STAR stroke patient, T2 (skull-stripped, 1 mm; T1 trained on)",
}


def person(volume):
    base = os.path.basename(volume)
    return NAMES.get(base, base)


def main(files):
    for f in files:
        root = json.load(open(f))
        factor = root.get("factor", "?")
        rows = root["rows"]
        print(f"\n#### ×{factor}\n")
        print("| person | method | whole PSNR / SSIM | brain-masked PSNR / SSIM |")
        print("|---|---|---|---|")
        last = None
        for r in rows:
            p = person(r["volume"]) if r["volume"] != last else ""
            last = r["volume"]
            w, m = r["whole"], r["reference"]
            bold = r["method"].startswith("srgan")
            cell = lambda s: (f"**{s['psnr']:.2f} / {s['ssim']:.4f}**" if bold else f"{s['psnr']:.2f} / {s['ssim']:.4f}")
            print(f"| {p} | {r['method']} | {cell(w)} | {cell(m)} |")
        models = sorted({r["method"] for r in rows if r["method"].startswith("srgan")})
        for model in models:
            print(f"\nGain of {model} over cubic spline, paired per person:\n")
            print("| policy | ΔPSNR (dB) mean ± std [min, max] | ΔSSIM mean ± std [min, max] | people won (PSNR, SSIM) |")
            print("|---|---|---|---|")
            for policy, label in (("whole", "whole"), ("reference", "brain-masked")):
                dp, ds = [], []
                for v in dict.fromkeys(r["volume"] for r in rows):
                    sr = next(r for r in rows if r["volume"] == v and r["method"] == model)
                    cu = next(r for r in rows if r["volume"] == v and r["method"] == "cubic spline")
                    dp.append(sr[policy]["psnr"] - cu[policy]["psnr"])
                    ds.append(sr[policy]["ssim"] - cu[policy]["ssim"])
                sd = lambda x: statistics.pstdev(x) if len(x) > 1 else 0.0
                print(f"| {label} | {statistics.mean(dp):+.2f} ± {sd(dp):.2f} [{min(dp):+.2f}, {max(dp):+.2f}] | "
                      f"{statistics.mean(ds):+.4f} ± {sd(ds):.4f} [{min(ds):+.4f}, {max(ds):+.4f}] | "
                      f"{sum(d > 0 for d in dp)}/{len(dp)}, {sum(d > 0 for d in ds)}/{len(ds)} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
