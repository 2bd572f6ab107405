package org.mrisr.cli;

/** Wrong command-line usage (unknown flag, missing value): exit code 2, one line on stderr. */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
