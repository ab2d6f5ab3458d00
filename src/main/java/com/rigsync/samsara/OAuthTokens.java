package com.rigsync.samsara;

import java.time.Instant;

/**
 * The answer of {@code POST /oauth2/token}. Each refresh token works once: store the new pair before anything else.
 * {@code toString()} never shows either token.
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt, String scope) {

    @Override
    public String toString() {
        return "OAuthTokens[accessToken=[redacted], refreshToken=[redacted], expiresAt=" + expiresAt + ", scope="
                + scope + "]";
    }
}
