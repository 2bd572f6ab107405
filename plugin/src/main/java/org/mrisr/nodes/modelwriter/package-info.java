/**
 * The SRGAN Model Writer node: the model port into a model file.
 */
package org.mrisr.nodes.modelwriter;
