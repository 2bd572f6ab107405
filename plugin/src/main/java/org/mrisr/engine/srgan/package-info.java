/**
 * The public door to a trained model: {@link org.mrisr.engine.srgan.SrModel} predicts (with the preprocessing its file records), loads and saves; {@link org.mrisr.engine.srgan.ShippedModels} gives the models shipped in the bundle; {@link org.mrisr.engine.srgan.InputCheck} warns when an input looks unlike the training data.
 *
 * <p>Layer 6. May import: {@code org.mrisr.engine}, {@code org.mrisr.engine.nn}, {@code org.mrisr.engine.ops}, {@code org.mrisr.engine.patch}, {@code org.mrisr.engine.srgan.io}, {@code org.mrisr.engine.srgan.net}, {@code org.mrisr.engine.volume}.
 */
package org.mrisr.engine.srgan;
