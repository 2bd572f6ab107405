/**
 * What the node packages share: settings groups, the row mapper for nodes that append a volume column, path resolution, the ND4J start for SRGAN nodes.
 */
package org.mrisr.nodes.common;
