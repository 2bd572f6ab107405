package org.mrisr.engine.srgan.train;

/**
 * Where training examples come from. Random access by example index keeps the trainer
 * deterministic and resumable (example i of step t is {@code pair(t·batch + i)}) while the source
 * decides how indices map to volumes and patch positions, loading volumes lazily so the dataset
 * never has to fit in memory.
 */
public interface PatchPairSource {
    /** The example with this index (any index ≥ 0; sources usually cycle). Same index, same pair. */
    PatchPair pair(long index);
}
