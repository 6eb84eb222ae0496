package org.logmaster.console.client;

/**
 * A collector call that did not succeed: the gRPC status code's name (for example
 * {@code INVALID_ARGUMENT}, {@code UNAVAILABLE}) and the server's own message, which the console
 * shows as it is because it names what was wrong ("invalid MAC address ...").
 */
public final class CallFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String serverMessage;

    public CallFailedException(String code, String serverMessage, Throwable cause) {
        super(code + (serverMessage.isEmpty() ? "" : ": " + serverMessage), cause);
        this.code = code;
        this.serverMessage = serverMessage;
    }

    /** The gRPC status code's name, e.g. {@code PERMISSION_DENIED}. */
    public String code() {
        return code;
    }

    /** What the server said; empty when it said nothing (or the call never reached it). */
    public String serverMessage() {
        return serverMessage;
    }
}
