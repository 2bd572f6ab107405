/**
 * The SR Predictor node: super-resolves a volume column with a connected or shipped model.
 */
package org.mrisr.nodes.predictor;
