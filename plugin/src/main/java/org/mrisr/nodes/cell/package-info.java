/**
 * The volume cell: a float32 volume with its affine in a KNIME file store, its value interface and serializer.
 */
package org.mrisr.nodes.cell;
