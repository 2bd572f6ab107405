#!/usr/bin/env bash
# Cross-subject x4 model (issue: models that beat cubic spline on people they never saw).
# Trains on Colin 27 (Debian mricron-data ch2bet), studyforrest sub-02 and the ICBM152 2009 template
# from ../shared/data/brains (see its README for licences); holds out C-STAR stroke T1 and AOMIC
# sub-0001 (never trained on, never used for selection). The network learns the residual over cubic
# spline (--residual cubic) with robust-max normalisation; MSE+GDL only (--pretrain = --steps).
# Resumable: rerun with the same arguments and it continues from OUT.ckpt.
#
# usage: docs/cross-subject-recipe.sh OUTDIR [STEPS]
set -euo pipefail
out=${1:?usage: $0 OUTDIR [STEPS]}
steps=${2:-400}
here="$(cd "$(dirname "$0")/.." && pwd)"
brains="$here/../shared/data/brains"
mkdir -p "$out"
model="$out/x4-residual.zip"
resume=()
[ -f "$model.ckpt" ] && resume=(--resume "$model.ckpt" --overwrite)
"$here/mrisr" train --hr /usr/share/mricron/templates/ch2bet.nii.gz "$brains/studyforrest_sub02_T1w.nii.gz" \
  "$brains/icbm2009_T1_template_1mm_uint8.nii.gz" --factor 4 --upsampling subpixel --residual cubic \
  --normalisation robust-max --patch 32,32,32 --batch 4 --lr-g 1e-3 --lr-d 1e-4 --pretrain "$steps" \
  --steps "$steps" --minutes 50 --seed 2026 --checkpoint-every 50 "${resume[@]}" --out "$model" \
  > "$out/x4-residual.json" 2> "$out/x4-residual.log"
"$here/mrisr" evaluate --hr "$brains/cstar_stroke_T1.nii.gz" "$brains/aomic_piop2_sub-0001_T1w_orig.nii.gz" \
  --factor 4 --model "$model" "$here/plugin/src/main/resources/models/srgan-x4.zip" --json > "$out/evaluate-x4.json"
