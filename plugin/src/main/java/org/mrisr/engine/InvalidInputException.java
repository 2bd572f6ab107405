package org.mrisr.engine;

/**
 * The one exception type the engine throws for bad user input: a malformed file, a volume of the
 * wrong shape, an impossible setting. It names the input ({@link #source()}: a file path, a column,
 * a parameter) and says what is wrong ({@link #problem()}), so callers (CLI, nodes) can show
 * "source: problem" to the user without a stack trace.
 *
 * <p>Unchecked on purpose: it can arise anywhere in the engine's data path, and callers that show
 * errors to users catch it in one place.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    public InvalidInputException(String source, String problem) {
        this(source, problem, null);
    }

    public InvalidInputException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** What the bad input is: a file path, a parameter name, a column. */
    public String source() {
        return source;
    }

    /** What is wrong with it, and where possible what to do. */
    public String problem() {
        return problem;
    }
}
