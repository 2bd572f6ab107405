#!/usr/bin/python3
"""PyTorch peer of mrisr's srgan bench section: the same generator/discriminator, losses and step.

usage: srgan_peer.py train|infer|volume METHOD REPS THREADS
  METHOD: resize-conv, subpixel, subpixel-nn (fast form, as mrisr), subpixel-nn-transposed (the
  paper's ConvTranspose3d form; at 64^3 LR inference it took 37 s and 14.7 GB RSS here)
  train   median seconds of a GAN step (batch 2, HR 64^3, x2): D step (real + fake) then G step
  infer   median seconds of one generator forward on a 64^3 LR volume (x2 -> 128^3)
  volume  seconds of one forward on a 112x112x76 LR volume (-> 224x224x152), whole volume at once
Reports one JSON line (peer_common.report): {"seconds": ..., "torch": "..."}; the bench reads the peak RSS.
"""
import sys
import time

import torch
import torch.nn as nn

from peer_common import report
import torch.nn.functional as F


def shuffle3d(x, r=2):
    n, c8, d, h, w = x.shape
    c = c8 // (r ** 3)
    x = x.view(n, c, r, r, r, d, h, w).permute(0, 1, 5, 2, 6, 3, 7, 4)
    return x.reshape(n, c, d * r, h * r, w * r)


class Shuffle(nn.Module):
    def forward(self, x):
        return shuffle3d(x)


class ChannelBias(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.b = nn.Parameter(torch.zeros(1, c, 1, 1, 1))

    def forward(self, x):
        return x + self.b


def bn(c):
    return nn.BatchNorm3d(c, eps=1e-3, momentum=0.1)


class Res(nn.Module):
    def __init__(self, f, s):
        super().__init__()
        self.body = nn.Sequential(nn.Conv3d(f, f, 3, padding=1), bn(f), nn.LeakyReLU(s),
                                  nn.Conv3d(f, f, 3, padding=1), bn(f))

    def forward(self, x):
        return x + self.body(x)


class Generator(nn.Module):
    def __init__(self, method, factor=2, f=32, blocks=6, u=64, s=0.25):
        super().__init__()
        self.head = nn.Sequential(nn.Conv3d(1, f, 3, padding=1), bn(f), nn.LeakyReLU(s))
        self.trunk = nn.Sequential(*[Res(f, s) for _ in range(blocks)], nn.Conv3d(f, f, 3, padding=1), bn(f))
        up, c = [], f
        for _ in range(factor.bit_length() - 1):
            if method == "resize-conv":
                up += [nn.Conv3d(c, u, 3, padding=1), nn.LeakyReLU(s), nn.Upsample(scale_factor=2, mode="nearest"),
                       nn.Conv3d(u, u, 3, padding=1), nn.LeakyReLU(s)]
                c = u
            elif method == "subpixel":
                up += [nn.Conv3d(c, u, 3, padding=1), nn.LeakyReLU(s), Shuffle()]
                c = u // 8
            elif method == "subpixel-nn-transposed":  # as the paper writes it: stride-2 transposed 6^3 conv
                up += [nn.ConvTranspose3d(c, u, 6, stride=2, padding=2), nn.LeakyReLU(s)]
                c = u
            elif method == "subpixel-nn":  # the same operator in mrisr's fast form: conv 3^3 to 8u, shuffle, bias
                up += [nn.Conv3d(c, 8 * u, 3, padding=1, bias=False), Shuffle(), ChannelBias(u), nn.LeakyReLU(s)]
                c = u
            else:
                raise SystemExit("unknown method " + method)
        up += [nn.Conv3d(c, 1, 3, padding=1), nn.Tanh()]
        self.up = nn.Sequential(*up)

    def forward(self, x):
        h = self.head(x)
        return self.up(self.trunk(h) + h)


class Discriminator(nn.Module):
    def __init__(self, size, widths=(32, 32, 64, 64, 128, 128, 256, 256), dense=1024, s=0.3):
        super().__init__()
        layers, c = [], 1
        for i, w in enumerate(widths):
            stride = 1 if i % 2 == 0 else 2
            layers.append(nn.Conv3d(c, w, 3, stride=stride, padding=1))
            if i > 0:
                layers.append(bn(w))
            layers.append(nn.LeakyReLU(s))
            c = w
            if stride == 2:
                size = (size + 1) // 2
        self.convs = nn.Sequential(*layers)
        self.fc = nn.Sequential(nn.Flatten(), nn.Linear(c * size ** 3, dense), nn.LeakyReLU(s), nn.Linear(dense, 1))

    def forward(self, x):
        return self.fc(self.convs(x))


def gdl(sr, hr):
    total = 0
    for ax in (2, 3, 4):
        ds = torch.diff(sr, dim=ax).abs()
        dh = torch.diff(hr, dim=ax).abs()
        total = total + ((dh - ds) ** 2).mean()
    return total


def ls(logits, target):
    return 0.5 * ((torch.sigmoid(logits) - target) ** 2).mean()


def main():
    mode, method, reps, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    g = Generator(method)
    times = []
    if mode == "train":
        d = Discriminator(64)
        og = torch.optim.Adam(g.parameters(), lr=1e-5)
        od = torch.optim.Adam(d.parameters(), lr=1e-4)
        lr = torch.rand(2, 1, 32, 32, 32) * 2 - 1
        hr = torch.rand(2, 1, 64, 64, 64) * 2 - 1
        for i in range(reps + 1):
            t0 = time.perf_counter()
            sr = g(lr)
            od.zero_grad()
            ld = ls(d(hr), 0.9) + ls(d(sr.detach()), 0.0)
            ld.backward()
            od.step()
            og.zero_grad()
            lg = 1e-3 * ls(d(sr), 1.0) + F.mse_loss(sr, hr) + gdl(sr, hr)
            lg.backward()
            og.step()
            if i > 0:
                times.append(time.perf_counter() - t0)
    else:
        g.eval()
        shape = (1, 1, 64, 64, 64) if mode == "infer" else (1, 1, 76, 112, 112)
        x = torch.rand(*shape)
        with torch.no_grad():
            for i in range(reps + 1):
                t0 = time.perf_counter()
                g(x)
                if i > 0 or mode == "volume":
                    times.append(time.perf_counter() - t0)
                if mode == "volume":
                    break
    times.sort()
    report({"seconds": times[len(times) // 2], "torch": torch.__version__})


if __name__ == "__main__":
    main()
