/**
 * The SRGAN Model Reader node: a model file into the model port.
 */
package org.mrisr.nodes.modelreader;
