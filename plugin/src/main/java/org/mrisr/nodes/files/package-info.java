/**
 * What the file nodes (NIfTI Reader and Writer, SRGAN Model Reader and Writer) share on KNIME's
 * file-handling framework: the optional file system connection port ({@code FileSystemPort}), the
 * writers' if-exists policy ({@code IfExists}), paths named for messages ({@code FsPaths}), the settings of a
 * node with one file chooser ({@code FileSettings}) and the
 * conversion of settings saved with the earlier text fields ({@code LegacyLocations}). Files are always
 * read and written through {@code FSPath} streams, so any connected file system works.
 */
package org.mrisr.nodes.files;
