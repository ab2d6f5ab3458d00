package com.rigsync.samsara;

import java.util.Optional;

/**
 * Gives the bearer token for each call, so a pasted API token and an OAuth access token use the same client.
 * Implementations must never put the token in a {@code toString()}.
 */
@FunctionalInterface
public interface TokenSource {

    /** The token to send as {@code Authorization: Bearer ...}; asked once per call (not per retry). */
    String accessToken();

    /**
     * Called once when Samsara answers 401 to {@code rejectedToken}. Return a new token to retry the call once with
     * it (an OAuth connection refreshes here); return empty to let the 401 surface.
     */
    default Optional<String> refreshAfterUnauthorized(String rejectedToken) {
        return Optional.empty();
    }

    /** A fixed API token, as pasted by an administrator. */
    static TokenSource of(String apiToken) {
        return new TokenSource() {
            @Override
            public String accessToken() {
                return apiToken;
            }

            @Override
            public String toString() {
                return "TokenSource[fixed token, redacted]";
            }
        };
    }
}
