/**
 * The Degrade node: simulates low resolution (blur, downsample, noise) and appends the LR volume.
 */
package org.mrisr.nodes.degrade;
