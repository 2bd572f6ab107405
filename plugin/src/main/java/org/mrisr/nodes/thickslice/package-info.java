/**
 * The Thick-Slice SR (self-supervised) node: per row, a network trained on the volume's own in-plane slices refines
 * its thick axis; input | cubic | result through-plane view.
 */
package org.mrisr.nodes.thickslice;
