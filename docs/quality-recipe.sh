#!/usr/bin/env bash
# Reproduces the quality experiment of docs/quality.md: trains the six SRGAN variants (x2, x4;
# resize-conv, sub-pixel, sub-pixel-NN) on the training region of Debian's Colin 27 brain
# (mricron-data ch2bet.nii.gz, y < 130) and evaluates them on the disjoint held-out region
# (y >= 130) against nearest / trilinear / cubic spline, with the gain over cubic per block.
#
# usage: docs/quality-recipe.sh OUTDIR
# Steps per model (300 of them MSE+GDL pre-training, the rest GAN): x2 resize-conv and sub-pixel 360,
# x2 sub-pixel-NN 900, every x4 variant 1500. Time on 2 cores: 3-9 minutes for a 360-step model,
# 25-30 minutes for a 1500-step one. A run stopped early (Ctrl-C, or a session limit) resumes
# bit-identically from its checkpoint: the script passes --resume when OUTDIR/xF-M.zip.ckpt exists.
set -euo pipefail
out=${1:?usage: $0 OUTDIR}
here="$(cd "$(dirname "$0")/.." && pwd)"
hr=/usr/share/mricron/templates/ch2bet.nii.gz
mkdir -p "$out"
steps() { # factor method -> total steps
  case "$1-$2" in
    2-subpixel-nn) echo 900 ;;
    2-*) echo 360 ;;
    4-*) echo 1500 ;;
  esac
}
for f in 2 4; do
  for m in resize subpixel subpixel-nn; do
    n=$(steps $f $m)
    model="$out/x$f-$m.zip"
    if [ -f "$model" ] && [ ! -f "$model.ckpt" ]; then continue; fi
    resume=()
    [ -f "$model.ckpt" ] && resume=(--resume "$model.ckpt")
    "$here/mrisr" train --hr "$hr" --region 0,0,0,181,130,181 --factor $f --upsampling $m \
      --input-skip --patch 32,32,32 --batch 4 --lr-g 1e-3 --lr-d 1e-4 \
      --pretrain 300 --steps "$n" --seed 2026 --checkpoint-every 50 "${resume[@]}" \
      --out "$model" > "$out/x$f-$m.json" 2> "$out/x$f-$m.log"
  done
  for fmt in text json; do
    json=(); ext=txt
    [ $fmt = json ] && json=(--json) && ext=json
    "$here/mrisr" evaluate --hr "$hr" --region 0,130,0,181,87,181 --factor $f --blocks 2,2,2 "${json[@]}" \
      --model "$out/x$f-resize.zip" "$out/x$f-subpixel.zip" "$out/x$f-subpixel-nn.zip" \
      > "$out/evaluate-x$f.$ext" 2>> "$out/evaluate-x$f.log"
  done
done
