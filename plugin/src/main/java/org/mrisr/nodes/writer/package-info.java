/**
 * The NIfTI Writer node: a volume column into NIfTI files.
 */
package org.mrisr.nodes.writer;
