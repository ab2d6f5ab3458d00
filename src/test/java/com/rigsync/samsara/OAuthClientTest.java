package com.rigsync.samsara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The OAuth token endpoints: Basic app credentials, form bodies, never retried. */
class OAuthClientTest extends SamsaraTestBase {

    static final ClientCredentials APP = new ClientCredentials("rigsync-app", "CLIENT-SECRET-abc123");
    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("rigsync-app:CLIENT-SECRET-abc123".getBytes(StandardCharsets.UTF_8));
    static final String TOKENS = """
            {"access_token":"ACCESS-1","refresh_token":"REFRESH-1","expires_in":3599,
             "scope":"admin:read","token_type":"bearer"}""";

    @Test
    void exchangingACodePostsTheFormWithBasicCredentialsAndComputesExpiry() throws Exception {
        server.enqueue(json(TOKENS));

        OAuthTokens t = client.oauth().exchangeCode(APP, "AUTH-CODE-1", "https://rigsync.example/oauth/samsara");

        assertThat(t.accessToken()).isEqualTo("ACCESS-1");
        assertThat(t.refreshToken()).isEqualTo("REFRESH-1");
        assertThat(t.scope()).isEqualTo("admin:read");
        assertThat(t.expiresAt()).isEqualTo(time.instant().plusSeconds(3599));
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo(PREFIX + "/oauth2/token");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo(BASIC);
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(r.getBody().utf8()).isEqualTo("grant_type=authorization_code&code=AUTH-CODE-1"
                + "&redirect_uri=https%3A%2F%2Frigsync.example%2Foauth%2Fsamsara");
    }

    @Test
    void refreshPostsTheRefreshGrant() throws Exception {
        server.enqueue(json(TOKENS.replace("ACCESS-1", "ACCESS-2")));

        assertThat(client.oauth().refresh(APP, "REFRESH-0").accessToken()).isEqualTo("ACCESS-2");

        RecordedRequest r = take();
        assertThat(r.getBody().utf8()).isEqualTo("grant_type=refresh_token&refresh_token=REFRESH-0");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo(BASIC);
    }

    @Test
    void revokePostsTheRefreshToken() throws Exception {
        server.enqueue(json(200, ""));

        client.oauth().revoke(APP, "REFRESH-9");

        RecordedRequest r = take();
        assertThat(r.getUrl().encodedPath()).isEqualTo(PREFIX + "/oauth2/revoke");
        assertThat(r.getBody().utf8()).isEqualTo("token=REFRESH-9");
    }

    @Test
    void aSpentOrRevokedRefreshTokenIsInvalidGrantAndAsksToConnectAgain() {
        server.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token is invalid\"}"));

        assertThatThrownBy(() -> client.oauth().refresh(APP, "REFRESH-OLD"))
                .isInstanceOfSatisfying(InvalidGrantException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_grant");
                    assertThat(e.httpStatus()).hasValue(400);
                    assertThat(e.userMessage()).contains("Connect to Samsara again");
                });
    }

    @Test
    void aTokenCallIsNeverRetriedAfterA500BecauseTheGrantMayBeSpent() {
        server.enqueue(error(500, "oops", "r"));
        server.enqueue(json(TOKENS));

        assertThatThrownBy(() -> client.oauth().refresh(APP, "REFRESH-1"))
                .isInstanceOf(SamsaraUnavailableException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(client.oauth().requestCount()).isEqualTo(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void wrongAppCredentialsPointTheOperatorAtTheClientSecret() {
        server.enqueue(json(401, "{\"error\":\"invalid_client\"}"));

        assertThatThrownBy(() -> client.oauth().exchangeCode(APP, "CODE", null))
                .isInstanceOfSatisfying(RequestRejectedException.class,
                        e -> assertThat(e.userMessage()).contains("client id and secret"));
    }

    @Test
    void theTokenEndpointTimeoutCannotBeSetBelow30Seconds() {
        assertThatThrownBy(() -> SamsaraClient.builder().tokenEndpointTimeout(java.time.Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsAndTokensNeverShowSecretsInToString() {
        assertThat(APP.toString()).contains("rigsync-app").doesNotContain("CLIENT-SECRET");
        OAuthTokens t = new OAuthTokens("ACCESS-1", "REFRESH-1", null, "admin:read");
        assertThat(t.toString()).doesNotContain("ACCESS-1").doesNotContain("REFRESH-1");
    }
}
