/**
 * The NIfTI Reader node: files, folders or a path column into one row per volume.
 */
package org.mrisr.nodes.reader;
