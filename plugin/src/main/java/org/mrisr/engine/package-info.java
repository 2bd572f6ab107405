/**
 * The engine: everything mrisr computes, free of KNIME (enforced by EngineIsKnimeFreeTest), used by the KNIME nodes and the command line alike. This root package holds only what every layer shares: {@link org.mrisr.engine.InvalidInputException} (bad input, named and explained) and {@link org.mrisr.engine.BuildInfo}.
 *
 * <p>Packages are layered: each package-info names its layer and the engine packages it may import, all of them on lower layers; EngineLayeringTest enforces it. From the bottom: root (0); volume, nn, nd4j (1); nifti, ops, metrics, viz (2); patch (3); srgan.net (4); srgan.io (5); srgan (6); srgan.train (7); eval (8); thick (4) and thick.eval (5) beside the SRGAN packages.
 *
 * <p>Layer 0. May import: no other engine package.
 */
package org.mrisr.engine;
