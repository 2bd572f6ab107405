"""Peer for `./mrisr bench --only metrics`: scikit-image's 3D SSIM on ch2better-sized volumes.

usage:
  metrics_peer.py prepare DIR   write DIR/ref.f32, DIR/test.f32 (float32, x fastest): ch2better's
                                centre 292x364x312 box and a noisy copy (Gaussian noise, sd 5% of
                                the range, fixed seed); prints {"shape": [...], "data_range": R}
  metrics_peer.py time DIR WINDOW REPEATS
                                times skimage.metrics.structural_similarity on those volumes as
                                float64 (what nibabel's get_fdata gives), WINDOW uniform7 (skimage
                                defaults) or gauss11 (gaussian_weights=True, sigma=1.5,
                                use_sample_covariance=False); prints {"seconds": best, "ssim": ...}
The last stdout line is one JSON object.
"""
import json, sys, time
import numpy as np

from peer_common import report

SHAPE = (292, 364, 312)


def load(d):
    meta = json.load(open(d + '/meta.json'))
    shape = tuple(meta['shape'])
    ref = np.fromfile(d + '/ref.f32', dtype=np.float32).reshape(shape, order='F')
    test = np.fromfile(d + '/test.f32', dtype=np.float32).reshape(shape, order='F')
    return ref, test, meta['data_range']


def prepare(d):
    import nibabel as nib
    img = np.asarray(nib.load('/usr/share/mricron/templates/ch2better.nii.gz').dataobj, dtype=np.float32)
    o = [(s - n) // 2 for s, n in zip(img.shape, SHAPE)]
    ref = img[o[0]:o[0] + SHAPE[0], o[1]:o[1] + SHAPE[1], o[2]:o[2] + SHAPE[2]]
    rng = np.random.default_rng(5)
    span = float(ref.max() - ref.min())
    test = (ref + rng.normal(0, 0.05 * span, ref.shape)).astype(np.float32)
    rng_all = float(max(ref.max(), test.max()) - min(ref.min(), test.min()))
    ref.ravel(order='F').tofile(d + '/ref.f32')
    test.ravel(order='F').tofile(d + '/test.f32')
    meta = {'shape': list(ref.shape), 'data_range': rng_all}
    json.dump(meta, open(d + '/meta.json', 'w'))
    report(meta)


def time_ssim(d, window, repeats):
    import skimage
    from skimage.metrics import structural_similarity
    ref, test, r = load(d)
    a, b = ref.astype(np.float64), test.astype(np.float64)
    kw = dict(data_range=r)
    if window == 'gauss11':
        kw.update(gaussian_weights=True, sigma=1.5, use_sample_covariance=False)
    best, value = float('inf'), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        value = structural_similarity(a, b, **kw)
        best = min(best, time.perf_counter() - t0)
    report({'seconds': best, 'ssim': float(value), 'peer': 'skimage ' + skimage.__version__})


if __name__ == '__main__':
    if sys.argv[1] == 'prepare':
        prepare(sys.argv[2])
    else:
        time_ssim(sys.argv[2], sys.argv[3], int(sys.argv[4]))
