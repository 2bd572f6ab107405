package org.mrisr.engine.patch;

/**
 * How overlapping window outputs are combined into one volume: {@link #CONSTANT} a plain average,
 * {@link #GAUSSIAN} a centre-weighted average (σ = window/8 per axis) that lets window borders,
 * where a network sees the least context, count less.
 */
public enum Blending {
    CONSTANT, GAUSSIAN
}
