/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filechooser.writer;

import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;

import org.knime.core.node.util.ButtonGroupEnumInterface;

/**
 * What a writer does when its output exists. The open options are what a writer passes to
 * Files.newOutputStream: FAIL and IGNORE both open with CREATE_NEW (an existing file raises
 * FileAlreadyExistsException), so a writer checks for IGNORE (skip) and FAIL (error) itself before writing.
 */
public enum FileOverwritePolicy implements ButtonGroupEnumInterface {
    /** Overwrite the existing file. */
    OVERWRITE(new OpenOption[]{StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING}, "overwrite"),
    /** Append to the existing file. */
    APPEND(new OpenOption[]{StandardOpenOption.CREATE, StandardOpenOption.APPEND}, "append"),
    /** Leave the existing file as it is, without failing. */
    IGNORE(new OpenOption[]{StandardOpenOption.CREATE_NEW}, "ignore"),
    /** Fail. */
    FAIL(new OpenOption[]{StandardOpenOption.CREATE_NEW}, "fail");

    private final OpenOption[] m_openOption;
    private final String m_description;

    FileOverwritePolicy(final OpenOption[] openOption, final String description) {
        m_openOption = openOption;
        m_description = description;
    }

    /** The options for opening the output stream (the array itself, as in KNIME: do not modify it). */
    public OpenOption[] getOpenOptions() {
        return m_openOption;
    }

    /** The text saved in the settings ("if_path_exists"). */
    @Override
    public String getText() {
        return m_description;
    }

    @Override
    public String getActionCommand() {
        return name();
    }

    @Override
    public String getToolTip() {
        return m_description;
    }

    @Override
    public boolean isDefault() {
        return this == FAIL;
    }
}
