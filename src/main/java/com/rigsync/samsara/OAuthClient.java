package com.rigsync.samsara;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * Samsara's OAuth token endpoints, with RigSync's app credentials as HTTP Basic. These calls are never retried:
 * an authorization code and a refresh token each work once, so a blind retry could spend the grant and lose the
 * answer. They get the longer token-endpoint timeout (at least 30 s).
 */
public final class OAuthClient {

    private final SamsaraHttp http;
    private final AtomicLong requests = new AtomicLong();

    OAuthClient(SamsaraHttp http) {
        this.http = http;
    }

    /** {@code grant_type=authorization_code}; {@code redirectUri} may be null when the app has only one. */
    public OAuthTokens exchangeCode(ClientCredentials credentials, String code, String redirectUri) {
        require(code, "authorization code");
        FormBody.Builder form = new FormBody.Builder().add("grant_type", "authorization_code").add("code", code);
        if (redirectUri != null) {
            form.add("redirect_uri", redirectUri);
        }
        return tokens(post(Endpoint.OAUTH_TOKEN, "token", credentials, form.build(), code));
    }

    /** {@code grant_type=refresh_token}. The answer's new pair must be stored before anything else happens. */
    public OAuthTokens refresh(ClientCredentials credentials, String refreshToken) {
        require(refreshToken, "refresh token");
        FormBody form = new FormBody.Builder().add("grant_type", "refresh_token").add("refresh_token", refreshToken)
                .build();
        return tokens(post(Endpoint.OAUTH_TOKEN, "token", credentials, form, refreshToken));
    }

    /** {@code POST /oauth2/revoke}: revokes the refresh token and its access tokens. */
    public void revoke(ClientCredentials credentials, String refreshToken) {
        require(refreshToken, "refresh token");
        post(Endpoint.OAUTH_REVOKE, "revoke", credentials, new FormBody.Builder().add("token", refreshToken).build(),
                refreshToken);
    }

    /** HTTP requests sent to the token endpoints through this client. */
    public long requestCount() {
        return requests.get();
    }

    private JsonNode post(Endpoint endpoint, String path, ClientCredentials credentials, FormBody form,
            String grantSecret) {
        String basic = Credentials.basic(credentials.clientId(), credentials.clientSecret(), StandardCharsets.UTF_8);
        List<String> secrets = new ArrayList<>(List.of(credentials.clientSecret(), grantSecret,
                basic.substring("Basic ".length())));
        HttpUrl url = http.baseUrl.newBuilder().addPathSegment("oauth2").addPathSegment(path).build();
        return http.execute(new SamsaraHttp.Exchange(endpoint, url, form, null, basic, requests, secrets, null, null));
    }

    private OAuthTokens tokens(JsonNode root) {
        String access = Json.text(root, "access_token");
        if (access == null) {
            throw new MalformedResponseException(ErrorDetails.noAnswer(Endpoint.OAUTH_TOKEN),
                    "the token answer has no access_token", null);
        }
        Long expiresIn = Json.longValue(root, "expires_in");
        return new OAuthTokens(access, Json.text(root, "refresh_token"),
                expiresIn == null ? null : http.clock.instant().plusSeconds(expiresIn), Json.text(root, "scope"));
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a " + what + " is needed");
        }
    }

    @Override
    public String toString() {
        return "OAuthClient[baseUrl=" + http.baseUrl + "]";
    }
}
