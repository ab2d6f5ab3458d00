package com.rigsync.samsara;

import java.time.Instant;

/** A short-lived driver login token; shown once. {@code toString()} never shows the token. */
public record DriverAuthToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "DriverAuthToken[token=[redacted], expiresAt=" + expiresAt + "]";
    }
}
