/**
 * The SRGAN Learner node: trains a model from a patch table, with a learning-monitor view.
 */
package org.mrisr.nodes.learner;
