package com.rigsync.samsara;

/** No answer: connection refused or reset, timeout, or the wait was interrupted. */
public final class NetworkException extends SamsaraException {

    NetworkException(ErrorDetails details, String technical, Throwable cause) {
        super(details, technical, cause);
    }

    @Override
    public String userMessage() {
        return "RigSync could not reach Samsara (no answer in time or the connection failed). "
                + "RigSync will try again later; if it lasts, ask your RigSync operator to check the network.";
    }
}
