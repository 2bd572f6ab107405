"""nibabel peer for `mrisr bench --only io`: read and write a .nii.gz, print one JSON line.

MB/s counts decoded voxel data as float32 (voxels * 4 bytes, 1 MB = 1e6 bytes) per second.
read:  nib.load(f).get_fdata(dtype=float32)      (file -> float32 array)
write: nib.save(Nifti1Image(float32 array), .nii.gz)  (nibabel's default gzip level 1)
Each is timed `reps` times after one warm-up; the median is reported.
usage: io_peer.py FILE OUTDIR [REPS]
"""
import os
import statistics
import sys
import time

import nibabel as nib
import numpy as np

from peer_common import report


def main():
    path, outdir = sys.argv[1], sys.argv[2]
    reps = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    img = nib.load(path)
    data = img.get_fdata(dtype=np.float32)
    mb = data.size * 4 / 1e6

    def read():
        nib.load(path).get_fdata(dtype=np.float32)

    out = os.path.join(outdir, 'peer-write.nii.gz')

    def write():
        nib.save(nib.Nifti1Image(data, img.affine), out)

    result = {'voxels': int(data.size), 'mb': mb, 'nibabel': nib.__version__}
    for name, fn in (('read', read), ('write', write)):
        fn()
        times = []
        for _ in range(reps):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        result[name + '_s'] = statistics.median(times)
        result[name + '_mbps'] = mb / statistics.median(times)
    os.remove(out)
    report(result)


if __name__ == '__main__':
    main()
