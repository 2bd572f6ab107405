/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Node logging; the shim forwards to java.util.logging (KNIME uses its own log4j setup). */
public final class NodeLogger {
    private static final Map<String, NodeLogger> LOGGERS = new ConcurrentHashMap<>();

    private final Logger m_logger;

    private NodeLogger(final String name) {
        m_logger = Logger.getLogger(name);
    }

    public static NodeLogger getLogger(final Class<?> c) {
        return getLogger(c.getName());
    }

    public static NodeLogger getLogger(final String s) {
        return LOGGERS.computeIfAbsent(s, NodeLogger::new);
    }

    public void debug(final Object o) {
        m_logger.log(Level.FINE, String.valueOf(o));
    }

    public void info(final Object o) {
        m_logger.log(Level.INFO, String.valueOf(o));
    }

    public void warn(final Object o) {
        m_logger.log(Level.WARNING, String.valueOf(o));
    }

    public void error(final Object o) {
        m_logger.log(Level.SEVERE, String.valueOf(o));
    }

    public void debug(final Object o, final Throwable t) {
        m_logger.log(Level.FINE, String.valueOf(o), t);
    }

    public void info(final Object o, final Throwable t) {
        m_logger.log(Level.INFO, String.valueOf(o), t);
    }

    public void warn(final Object o, final Throwable t) {
        m_logger.log(Level.WARNING, String.valueOf(o), t);
    }

    public void error(final Object o, final Throwable t) {
        m_logger.log(Level.SEVERE, String.valueOf(o), t);
    }
}
