#!/usr/bin/env bash
# The shipped models (plugin/src/main/resources/models/srgan-x2.zip, srgan-x4.zip), trained across people.
#
# Training people, all T1w, from ../shared/data/brains (see its README for licences; NOTICE credits
# them): studyforrest sub-02 (full head, 0.7x0.67x0.67 mm), C-STAR stroke T1 (skull-stripped, 1 mm) and
# the ICBM152 2009 template (an average of 152 people, skull-stripped, 1 mm).
# Held out (never trained on, never used to choose anything here): Colin 27 (Debian mricron-data
# ch2bet, skull-stripped; the person `./mrisr demo` shows on any machine) and AOMIC-PIOP2 sub-0001 T1
# (full head), scored at the end with `./mrisr evaluate`.
#
# Both generators are the paper's sub-pixel generator learning the residual over cubic spline
# (--residual cubic: the untrained network is cubic spline) with robust-max normalisation, trained with
# the content loss (MSE + GDL) only, Adam 1e-3, batch 4, HR patches 64^3 (x4: LR 16^3) and 48^3 (x2: LR 24^3),
# flips and 90-degree rotations; 3000 steps at x4, 1000 at x2.
#
# Resumable: each call trains at most MINUTES (default 50) per model and saves a checkpoint; run the
# script again with the same arguments and it continues bit-identically from OUTDIR/*.ckpt until the
# step counts are done. Checkpoints are not committed.
#
# usage: docs/shipped-models-recipe.sh OUTDIR [MINUTES]
set -euo pipefail
out=${1:?usage: $0 OUTDIR [MINUTES]}
minutes=${2:-50}
here="$(cd "$(dirname "$0")/.." && pwd)"
mrisr=${MRISR:-$here/mrisr}
brains="$here/../shared/data/brains"
train=("$brains/studyforrest_sub02_T1w.nii.gz" "$brains/cstar_stroke_T1.nii.gz"
  "$brains/icbm2009_T1_template_1mm_uint8.nii.gz")
heldout=(/usr/share/mricron/templates/ch2bet.nii.gz "$brains/aomic_piop2_sub-0001_T1w_orig.nii.gz")
mkdir -p "$out"

# train FACTOR PATCH STEPS [EXTRA FLAGS...]
train() {
  local factor=$1 patch=$2 steps=$3 model="$out/srgan-x$1.zip"
  shift 3
  local resume=()
  [ -f "$model.ckpt" ] && resume=(--resume "$model.ckpt" --overwrite)
  if [ -f "$out/x$factor.done" ]; then return 0; fi
  "$mrisr" train --hr "${train[@]}" --factor "$factor" --upsampling subpixel --residual cubic \
    --normalisation robust-max --contrast T1w --patch "$patch,$patch,$patch" --batch 4 --lr-g 1e-3 --lr-d 1e-4 \
    --pretrain "$steps" --steps "$steps" --minutes "$minutes" --seed 2026 --checkpoint-every 100 \
    --note "docs/shipped-models-recipe.sh: trained on studyforrest sub-02 T1w (PDDL 1.0, Hanke et al. 2014), C-STAR stroke T1 (MIT, C. Rorden), ICBM152 2009 template (McGill licence); held out: Colin 27, AOMIC-PIOP2 sub-0001" \
    "$@" "${resume[@]}" --out "$model" >> "$out/x$factor.json" 2>> "$out/x$factor.log"
  # one JSON line per piece; the last says whether the steps are done
  if tail -n 1 "$out/x$factor.json" | grep -q '"stopped":"steps done"'; then touch "$out/x$factor.done"; fi
}

train 4 64 3000
# x2 also varies the intensities of every example (gamma, bias field, scale before degradation, noise on
# the LR, ranges as `train --intensity-augment` with noise up to 1 % of the LR maximum)
train 2 48 1000 --intensity-augment --aug-noise 0.01
if [ -f "$out/x4.done" ] && [ -f "$out/x2.done" ]; then
  for r in 2 4; do
    "$mrisr" evaluate --hr "${heldout[@]}" --factor $r --model "$out/srgan-x$r.zip" --json > "$out/evaluate-x$r.json"
  done
else
  echo "not finished: run $0 $* again to continue from the checkpoints" >&2
fi
