/**
 * Thick-slice scans to isotropic, learned from the scan itself (after SMORE and ECLARE, Remedios et
 * al.): the thick axis and factor from the header ({@link org.mrisr.engine.thick.ThickGeometry}),
 * the slice profile ({@link org.mrisr.engine.thick.SliceProfile}), a small 2D network trained on the
 * scan's own in-plane slices degraded with that profile, and its application across the slices in
 * both orientations through the one sliding-window inferer ({@link org.mrisr.engine.thick.ThickSliceModel}).
 *
 * <p>Layer 4. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.compute}, {@code org.mrisr.engine.nn}, {@code org.mrisr.engine.ops}, {@code org.mrisr.engine.patch}, {@code org.mrisr.engine.volume}.
 */
package org.mrisr.engine.thick;
