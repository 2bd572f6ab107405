# Reference scores for mrisr's metrics tests, from Debian's scikit-image.
# usage: skimage_scores.py OUTDIR SOURCE CASES_JSON
#   SOURCE: "random:SEED:NX,NY,NZ"  random pair and ellipsoid mask
#           "ch2bet:PATH[:CROP]"    real brain (HR) vs a blurred, 2x down- and re-upsampled copy,
#                                   optionally cropped to CROP voxels per axis from the centre
#   CASES_JSON: list of {"window": "uniform7"|"gauss11", "range": "paper"|"reference"|<number>,
#                        "mask": "none"|"multiply"|"select", "map": bool}
# Writes OUTDIR/{ref,test,mask}.f32 (float32, x fastest) so Java scores the very same voxels, and
# OUTDIR/map<i>.f64 for cases asking for the full SSIM map; prints one JSON line.
# Inputs go to skimage as float64 copies of those float32 voxels (what nibabel's get_fdata gives).
import json, sys
import numpy as np
from scipy import ndimage
import skimage
from skimage.metrics import (structural_similarity, peak_signal_noise_ratio,
                             mean_squared_error, normalized_root_mse)

outdir, source, cases = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])

def dump(a, name, dtype=np.float32):
    np.asarray(a, dtype=dtype).ravel(order='F').tofile(outdir + '/' + name)

kind, rest = source.split(':', 1)
if kind == 'random':
    seed, shape = rest.split(':')
    shape = tuple(int(s) for s in shape.split(','))
    rng = np.random.default_rng(int(seed))
    # smooth structure plus noise so SSIM is neither ~0 nor ~1
    ref = ndimage.gaussian_filter(rng.random(shape), 1.0) * 200 + rng.random(shape) * 20 - 10
    test = ref + rng.normal(0, 8, shape) + 3
    c = [(n - 1) / 2 for n in shape]
    g = np.meshgrid(*[np.arange(n) for n in shape], indexing='ij')
    mask = sum(((g[i] - c[i]) / (0.4 * shape[i])) ** 2 for i in range(3)) <= 1
else:
    import nibabel as nib
    parts = rest.split(':')
    hr = np.asarray(nib.load(parts[0]).dataobj, dtype=np.float64)
    lr = ndimage.zoom(ndimage.gaussian_filter(hr, 1.0), 0.5, order=3, prefilter=False)
    up = ndimage.zoom(lr, 2, order=3)
    # odd sides come back one voxel short or long: score the common box
    n = [min(a, b) for a, b in zip(hr.shape, up.shape)]
    ref, test = hr[:n[0], :n[1], :n[2]], up[:n[0], :n[1], :n[2]]
    if len(parts) > 1:
        n = int(parts[1])
        o = [(s - n) // 2 for s in ref.shape]
        sl = tuple(slice(o[i], o[i] + n) for i in range(3))
        ref, test = ref[sl], test[sl]
    mask = ndimage.binary_fill_holes(ref > 0)

ref = ref.astype(np.float32).astype(np.float64)
test = test.astype(np.float32).astype(np.float64)
dump(ref, 'ref.f32'); dump(test, 'test.f32'); dump(mask, 'mask.f32')

full_cache = {}
def ssim(a, b, window, R, full):
    kw = dict(data_range=R)
    if window == 'gauss11':
        kw.update(gaussian_weights=True, sigma=1.5, use_sample_covariance=False)
    return structural_similarity(a, b, full=full, **kw)

out = []
for i, case in enumerate(cases):
    w, rg, mm = case['window'], case['range'], case['mask']
    if rg == 'paper':
        R = max(ref.max(), test.max()) - min(ref.min(), test.min())
    elif rg == 'reference':
        R = ref.max() - ref.min()
    else:
        R = float(rg)
    r = dict(case, R=float(R))
    if mm == 'multiply':
        a, b = ref * mask, test * mask
        r['ssim'] = float(ssim(a, b, w, R, False))
    else:
        a, b = ref, test
        key = (w, R)
        if key not in full_cache:
            full_cache[key] = ssim(ref, test, w, R, True)
        m, S = full_cache[key]
        r['ssim'] = float(m if mm == 'none' else S[mask].mean())
        if case.get('map'):
            dump(S, 'map%d.f64' % i, np.float64)
    if mm == 'select':
        a, b = ref[mask], test[mask]
    r['mse'] = float(mean_squared_error(a, b))
    r['psnr'] = float(peak_signal_noise_ratio(a, b, data_range=R))
    r['nrmse'] = float(normalized_root_mse(a, b))  # default normalization='euclidean'
    r['mae'] = float(np.mean(np.abs(a - b)))
    out.append(r)
print(json.dumps({'shape': list(ref.shape), 'mask_voxels': int(mask.sum()),
                  'skimage': skimage.__version__, 'cases': out}))
