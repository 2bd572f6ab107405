package org.mrisr.engine.nifti;

import org.mrisr.engine.InvalidInputException;

/**
 * A NIfTI file that cannot be read: malformed, truncated, unsupported or missing its data file.
 * {@link #source()} is the file's path, {@link #problem()} says what is wrong. This is the only
 * exception the NIfTI reader lets escape for bad input (I/O failures of a readable file system
 * included), so callers catch one type.
 */
public class NiftiFormatException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public NiftiFormatException(String source, String problem) {
        super(source, problem);
    }

    public NiftiFormatException(String source, String problem, Throwable cause) {
        super(source, problem, cause);
    }
}
