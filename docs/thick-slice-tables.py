#!/usr/bin/python3
"""Markdown tables for docs/thick-slice.md from `./mrisr thick-slice-eval --json` outputs.

usage: thick-slice-tables.py RESULT.jsonl...   (JSON Lines: one case per line)

One table per (axis, slice thickness, simulated profile, assumed profile): per volume the cubic-spline and
thick-slice SR scores (whole volume and brain-masked PSNR/SSIM) and the gain, then the gains' mean, standard
deviation (population), min and max, and on how many volumes SR beat cubic.
"""
import json
import statistics
import sys
from collections import OrderedDict

METRICS = [("psnr_whole", "PSNR whole", "{:.2f}"), ("ssim_whole", "SSIM whole", "{:.4f}"),
           ("psnr_masked", "PSNR masked", "{:.2f}"), ("ssim_masked", "SSIM masked", "{:.4f}")]


def signed(fmt, v):
    return ("+" if v >= 0 else "") + fmt.format(v)


def main():
    groups = OrderedDict()
    for path in sys.argv[1:]:
        with open(path) as f:
            for c in (json.loads(line) for line in f if line.strip()):
                key = (c["axis"], round(c["slice_mm"], 2), c["profile"], c["assumed_profile"])
                groups.setdefault(key, []).append(c)
    for (axis, mm, profile, assumed), cases in groups.items():
        told = "" if assumed == profile else ", method told " + assumed
        steps = sorted({c["training_steps"] for c in cases})
        print("#### %g mm slices along %s, %s profile%s (%s training steps)\n" % (mm, axis, profile, told,
                                                                                 "/".join(str(s) for s in steps)))
        print("| volume | " + " | ".join("%s cubic | SR | gain" % m[1] for m in METRICS) + " |")
        print("|---|" + "---:|" * (3 * len(METRICS)))
        for c in cases:
            cells = []
            for key, _, fmt in METRICS:
                a, b = c["cubic"][key], c["sr"][key]
                cells += [fmt.format(a), fmt.format(b), signed(fmt, b - a)]
            print("| %s | %s |" % (c["volume"], " | ".join(cells)))
        summary = []
        for key, _, fmt in METRICS:
            g = [c["sr"][key] - c["cubic"][key] for c in cases]
            won = sum(1 for x in g if x > 0)
            summary.append("%s ± %s [%s, %s], won %d/%d" % (signed(fmt, statistics.fmean(g)), fmt.format(statistics.pstdev(g)),
                                                        signed(fmt, min(g)), signed(fmt, max(g)), won, len(g)))
        print("\nGain of SR over cubic (mean ± std [min, max]): " + "; ".join(
            "%s %s" % (m[1], s) for m, s in zip(METRICS, summary)) + ".\n")
        t = [c["training_seconds"] for c in cases]
        r = [c["refine_seconds"] for c in cases]
        print("Time per volume: training %.0f–%.0f s, refining %.0f–%.0f s.\n" % (min(t), max(t), min(r), max(r)))


if __name__ == "__main__":
    main()
