#!/usr/bin/python3
"""PyTorch peer of mrisr's thick bench section: the same 2D network, loss and optimiser.

usage: thick_peer.py step|refine REPS THREADS [NX NY NZ FACTOR]
  step    median seconds of one training step: batch 16 of 1x48x48 patches, 8 conv layers 3x3
          (1->32, 6 x 32->32, 32->1) with leaky ReLU 0.1 and a global residual, MSE, Adam
  refine  seconds of the network over every through-plane image of an NX x NY x NZ scan refined by
          FACTOR along z, both orientations (NY images of (NZ*FACTOR) x NX, NX of (NZ*FACTOR) x NY),
          in chunks of at most 2^19 pixels as mrisr runs them; the network only (mrisr's figure also
          includes the cubic interpolation and stitching)
Reports one JSON line (peer_common.report): {"seconds": ..., "torch": "..."}; the bench reads the peak RSS.
"""
import sys
import time

import torch
import torch.nn as nn

from peer_common import report


class SliceNet(nn.Module):
    def __init__(self, channels=32, depth=8, slope=0.1):
        super().__init__()
        layers = [nn.Conv2d(1, channels, 3, padding=1), nn.LeakyReLU(slope)]
        for _ in range(depth - 2):
            layers += [nn.Conv2d(channels, channels, 3, padding=1), nn.LeakyReLU(slope)]
        last = nn.Conv2d(channels, 1, 3, padding=1)
        nn.init.zeros_(last.weight)
        nn.init.zeros_(last.bias)
        layers.append(last)
        self.body = nn.Sequential(*layers)

    def forward(self, x):
        return x + self.body(x)


def main():
    mode, reps, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    net = SliceNet()
    times = []
    if mode == "step":
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        x = torch.rand(16, 1, 48, 48)
        y = torch.rand(16, 1, 48, 48)
        for i in range(reps + 3):
            t0 = time.perf_counter()
            opt.zero_grad()
            loss = torch.mean((net(x) - y) ** 2)
            loss.backward()
            opt.step()
            if i >= 3:
                times.append(time.perf_counter() - t0)
    elif mode == "refine":
        nx, ny, nz, r = (int(a) for a in sys.argv[4:8])
        h = nz * r
        t0 = time.perf_counter()
        with torch.inference_mode():
            for count, width in ((ny, nx), (nx, ny)):
                chunk = max(1, min(count, (1 << 19) // (h * width)))
                for o in range(0, count, chunk):
                    n = min(chunk, count - o)
                    net(torch.rand(n, 1, h, width))
        times.append(time.perf_counter() - t0)
    else:
        raise SystemExit("mode must be step or refine")
    times.sort()
    report({"seconds": times[len(times) // 2], "torch": torch.__version__})


if __name__ == "__main__":
    main()
