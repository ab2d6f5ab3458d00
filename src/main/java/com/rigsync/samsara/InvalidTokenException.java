package com.rigsync.samsara;

/** 401: the token is unknown, revoked, or was regenerated in the Samsara dashboard. */
public final class InvalidTokenException extends SamsaraException {

    InvalidTokenException(ErrorDetails details) {
        super(details, "the access token was rejected", null);
    }

    @Override
    public String userMessage() {
        return withSamsaraMessage("Samsara rejected the access token: it was regenerated or revoked. "
                + "Create a new token in Samsara and save it here (or connect to Samsara again).");
    }
}
