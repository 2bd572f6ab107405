/**
 * Starting ND4J: backend choice (CPU, CUDA with fallback), class loaders under OSGi, threads and off-heap limits ({@link org.mrisr.engine.nd4j.ComputeSettings}). Call {@link org.mrisr.engine.nd4j.Nd4jBackend#init} before the first ND4J use.
 *
 * <p>Layer 2. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.compute}.
 */
package org.mrisr.engine.nd4j;
