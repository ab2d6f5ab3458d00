package com.rigsync.integration;

import java.util.Optional;

import com.rigsync.base.PublicBaseUrl;
import com.rigsync.samsara.ClientCredentials;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * RigSync's Samsara OAuth app: its client id and secret ({@code SAMSARA_CLIENT_ID}, {@code SAMSARA_CLIENT_SECRET};
 * the demo uses the simulated organisation's app) and the redirect URI built from the public base URL. Without both
 * credentials, "Connect with Samsara" is not offered. The secret leaves only inside {@link ClientCredentials}, as the
 * HTTP Basic header of token-endpoint calls; it is never logged nor shown.
 */
@Component
class SamsaraOAuthApp {

    static final String CALLBACK_PATH = "/samsara/oauth/callback";

    private final String clientId;
    private final String clientSecret;
    private final PublicBaseUrl publicBaseUrl;

    SamsaraOAuthApp(@Value("${rigsync.samsara.oauth.client-id:}") String clientId,
                    @Value("${rigsync.samsara.oauth.client-secret:}") String clientSecret,
                    PublicBaseUrl publicBaseUrl) {
        this.clientId = clientId == null || clientId.isBlank() ? null : clientId.strip();
        this.clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret.strip();
        this.publicBaseUrl = publicBaseUrl;
    }

    boolean configured() {
        return clientId != null && clientSecret != null;
    }

    /** The app's credentials; empty when the server has none configured. */
    Optional<ClientCredentials> credentials() {
        return configured() ? Optional.of(new ClientCredentials(clientId, clientSecret)) : Optional.empty();
    }

    String clientId() {
        return clientId;
    }

    String redirectUri() {
        return publicBaseUrl.get() + CALLBACK_PATH;
    }

    @Override
    public String toString() {
        return "SamsaraOAuthApp[clientId=" + clientId + ", clientSecret=[redacted]]";
    }
}
