package com.rigsync.integration;

/**
 * A stored Samsara secret does not decrypt for its department and column: it was copied from another row (or
 * altered) in the database. The message is for the department's administrator; it never holds the secret.
 */
public final class UnreadableSecretException extends IllegalStateException {

    static final String MESSAGE = "The saved Samsara token cannot be used: it was not saved for this department. "
            + "Paste a new access token (or connect to Samsara again) under Setup > Settings and save it.";

    UnreadableSecretException() {
        super(MESSAGE);
    }
}
