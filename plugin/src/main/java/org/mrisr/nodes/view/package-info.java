/**
 * Swing views shared by nodes: the slice viewer panel and the table source views read from.
 */
package org.mrisr.nodes.view;
