/**
 * The engine: everything mrisr computes, free of KNIME (enforced by EngineIsKnimeFreeTest), used by the KNIME nodes and the command line alike. This root package holds only what every layer shares: {@link org.mrisr.engine.InvalidInputException} (bad input, named and explained), {@link org.mrisr.engine.OutputFile} (output paths checked before long work), {@link org.mrisr.engine.TemporaryFile} (the one way results reach their name: a temporary, moved when complete, removed on failure, SIGTERM, or by the next run after a SIGKILL) and {@link org.mrisr.engine.BuildInfo}.
 *
 * <p>Packages are layered: each package-info names its layer and the engine packages it may import, all of them on lower layers; EngineLayeringTest enforces it. From the bottom: root (0); volume, compute (1); nn, nd4j, nifti, ops, metrics, viz (2); patch (3); srgan.net (4); srgan.io (5); srgan (6); srgan.train (7); eval (8); thick (4) and thick.eval (5) beside the SRGAN packages.
 *
 * <p>Layer 0. May import: no other engine package.
 */
package org.mrisr.engine;
