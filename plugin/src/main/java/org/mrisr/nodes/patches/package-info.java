/**
 * The Patch Extractor node: HR/LR patch pairs, one row per pair.
 */
package org.mrisr.nodes.patches;
