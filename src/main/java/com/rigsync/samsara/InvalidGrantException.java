package com.rigsync.samsara;

/** 400 from /oauth2/token: the code or refresh token is expired, already used, or revoked. */
public final class InvalidGrantException extends SamsaraException {

    private final String error;

    InvalidGrantException(ErrorDetails details, String error) {
        super(details, "OAuth grant rejected (" + error + ")", null);
        this.error = error;
    }

    /** The OAuth {@code error} code, e.g. {@code invalid_grant}. */
    public String error() {
        return error;
    }

    @Override
    public String userMessage() {
        return withSamsaraMessage("The connection to Samsara is no longer valid (it was revoked, expired or "
                + "already used). Connect to Samsara again.");
    }
}
