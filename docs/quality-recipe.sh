#!/usr/bin/env bash
# Reproduces the quality experiment of docs/quality.md: trains the six SRGAN variants (x2, x4;
# resize-conv, sub-pixel, sub-pixel-NN) on the training region of Debian's Colin 27 brain
# (mricron-data ch2bet.nii.gz, y < 130) and evaluates them on the disjoint held-out region
# (y >= 130) against nearest / trilinear / cubic spline.
#
# usage: docs/quality-recipe.sh OUTDIR [PRETRAIN_STEPS] [GAN_STEPS]
# Time on 2 cores: about 6-10 minutes per model. Checkpoints (OUTDIR/*.ckpt) allow --resume.
set -euo pipefail
out=${1:?usage: $0 OUTDIR [PRETRAIN_STEPS] [GAN_STEPS]}
pre=${2:-300}
gan=${3:-60}
here="$(cd "$(dirname "$0")/.." && pwd)"
hr=/usr/share/mricron/templates/ch2bet.nii.gz
mkdir -p "$out"
for f in 2 4; do
  for m in resize subpixel subpixel-nn; do
    "$here/mrisr" train --hr "$hr" --region 0,0,0,181,130,181 --factor $f --upsampling $m \
      --input-skip --patch 32,32,32 --batch 4 --lr-g 1e-3 --lr-d 1e-4 \
      --pretrain "$pre" --steps $((pre + gan)) --seed 2026 --checkpoint-every 50 \
      --out "$out/x$f-$m.zip" > "$out/x$f-$m.json" 2> "$out/x$f-$m.log"
  done
  "$here/mrisr" evaluate --hr "$hr" --region 0,130,0,181,87,181 --factor $f --blocks 2,2,2 \
    --model "$out/x$f-resize.zip" "$out/x$f-subpixel.zip" "$out/x$f-subpixel-nn.zip" \
    > "$out/evaluate-x$f.txt" 2> "$out/evaluate-x$f.log"
  "$here/mrisr" evaluate --hr "$hr" --region 0,130,0,181,87,181 --factor $f --blocks 2,2,2 --json \
    --model "$out/x$f-resize.zip" "$out/x$f-subpixel.zip" "$out/x$f-subpixel-nn.zip" \
    > "$out/evaluate-x$f.json" 2>> "$out/evaluate-x$f.log"
done
