package com.rigsync.samsara;

/** Any other answer Samsara refused (400, 405, 409, 3xx, ...), including RigSync's own OAuth app credentials. */
public final class RequestRejectedException extends SamsaraException {

    private final String userText;

    RequestRejectedException(ErrorDetails details, String userText) {
        super(details, "request rejected", null);
        this.userText = userText;
    }

    @Override
    public String userMessage() {
        return withSamsaraMessage(userText);
    }
}
