/**
 * The SRGAN model port type (object, spec, serializers) and the shipped default models as nodes see them.
 */
package org.mrisr.nodes.port;
