/**
 * The Interpolate node: nearest, trilinear or cubic-spline upsampling, appended as a volume column.
 */
package org.mrisr.nodes.interpolate;
