package com.rigsync.people;

import java.security.SecureRandom;

/**
 * A generated password shown once to the person who created or reset the account, never stored in clear or logged.
 * {@code toString()} hides it, so it cannot slip into a log line by accident.
 */
public final class OneTimePassword {

    // no 0/O, 1/l/I: it is read off a screen and typed in by hand
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private OneTimePassword(String value) {
        this.value = value;
    }

    static OneTimePassword generate() {
        StringBuilder password = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new OneTimePassword(password.toString());
    }

    /** The password itself, for the one dialog that shows it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "OneTimePassword[hidden]";
    }
}
