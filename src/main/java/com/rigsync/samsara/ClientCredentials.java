package com.rigsync.samsara;

import java.util.Objects;

/** RigSync's OAuth app credentials; {@code toString()} never shows the secret. */
public record ClientCredentials(String clientId, String clientSecret) {

    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=[redacted]]";
    }
}
