package com.rigsync.demo.simulator;

import static com.rigsync.demo.simulator.SimulatedSamsara.OAUTH_CLIENT_ID;
import static com.rigsync.demo.simulator.SimulatedSamsara.OAUTH_CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class OAuthTest {

    private static final String STATE = "state-0123456789";
    private static final String REDIRECT = SimulatedSamsara.DEFAULT_REDIRECT_URI;
    private static final Pattern AUTHORIZATION = Pattern.compile("name=\"authorization\" value=\"([^\"]+)\"");

    private final SimulatedSamsaraServer server = SimulatedSamsaraServer.start();
    private final SimulatedSamsara samsara = server.samsara();
    private final SamsaraHttp http = new SamsaraHttp(server.baseUrl());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theAuthorizePageIsLabelledSimulatedAndOffersAllowAndCancel() {
        var page = http.getPage(authorizePath(""));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Simulated Samsara", ">Allow<", ">Cancel<", "admin:read",
                "action=\"authorize\"");
    }

    @Test
    void theAuthorizePageChecksClientRedirectUriAndState() {
        assertThat(http.getPage("/oauth2/authorize?client_id=other&response_type=code&state=" + STATE).status())
                .isEqualTo(400);
        assertThat(http.getPage(authorizePath("&redirect_uri=https://evil.example/cb")).status()).isEqualTo(400);
        var shortState = http.getPage("/oauth2/authorize?client_id=" + OAUTH_CLIENT_ID
                + "&response_type=code&state=12345678");
        assertThat(shortState.status()).isEqualTo(302);
        assertThat(params(shortState.header("Location"))).containsEntry("error", "invalid_request");
        var wrongType = http.getPage("/oauth2/authorize?client_id=" + OAUTH_CLIENT_ID
                + "&response_type=token&state=" + STATE);
        assertThat(params(wrongType.header("Location"))).containsEntry("error", "invalid_request")
                .containsEntry("state", STATE);
        assertThat(http.getPage(authorizePath("&redirect_uri=" + REDIRECT)).status()).isEqualTo(200);
    }

    @Test
    void allowRedirectsWithCodeStateAndScopeAndTheCodeBuysATokenPairOnce() {
        Map<String, String> callback = allow("admin:write");
        assertThat(callback).containsEntry("state", STATE).containsEntry("scope", "admin:write");

        var exchange = token(Map.of("grant_type", "authorization_code", "code", callback.get("code")));
        assertThat(exchange.status()).as(exchange.body()).isEqualTo(200);
        JsonNode pair = exchange.json();
        assertThat(pair.get("expires_in").asInt()).isEqualTo(3599);
        assertThat(pair.get("token_type").asString()).isEqualTo("bearer");
        assertThat(pair.get("scope").asString()).isEqualTo("admin:write");
        assertThat(pair.get("refresh_token").asString()).isNotBlank();
        String access = pair.get("access_token").asString();
        assertThat(http.get("/me", access).status()).isEqualTo(200);
        assertThat(http.postJson("/fleet/drivers/auth-token", "{\"code\":\"a1b2c3d4e5f6g7\",\"username\":"
                + "\"MAlvarez\"}", access).status()).isEqualTo(200);

        var again = token(Map.of("grant_type", "authorization_code", "code", callback.get("code")));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(again.json().get("error_description").asString()).isNotBlank();
    }

    @Test
    void readGrantsReadButCannotIssueDriverTokens() {
        String access = exchange(allow(null).get("code")).get("access_token").asString();

        assertThat(http.get("/fleet/vehicles/stats?types=gps", access).status()).isEqualTo(200);
        assertThat(http.postJson("/fleet/drivers/auth-token", "{\"code\":\"a1b2c3d4e5f6g7\",\"username\":"
                + "\"MAlvarez\"}", access).status()).isEqualTo(403);
    }

    @Test
    void cancelRedirectsWithAnErrorAndTheState() {
        String authorization = authorizationId(http.getPage(authorizePath("")).body());
        var cancel = http.postForm("/oauth2/authorize", Map.of("authorization", authorization, "decision", "cancel"),
                null, null);

        assertThat(cancel.status()).isEqualTo(302);
        Map<String, String> callback = params(cancel.header("Location"));
        assertThat(cancel.header("Location")).startsWith(REDIRECT + "?");
        assertThat(callback).containsKeys("error", "error_description").containsEntry("state", STATE)
                .doesNotContainKey("code");
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        String code = allow(null).get("code");
        samsara.advanceClock(Duration.ofMinutes(11));

        var late = token(Map.of("grant_type", "authorization_code", "code", code));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void theTokenEndpointNeedsTheClientCredentials() {
        String code = allow(null).get("code");

        var wrongSecret = http.postForm("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code),
                OAUTH_CLIENT_ID, "wrong");
        var none = http.postForm("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code), null,
                null);

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("error").asString()).isEqualTo("invalid_client");
        assertThat(none.status()).isEqualTo(401);
        assertThat(token(Map.of("grant_type", "authorization_code", "code", code)).status())
                .as("a refused exchange does not spend the code").isEqualTo(200);
        assertThat(token(Map.of("grant_type", "password")).json().get("error").asString())
                .isEqualTo("unsupported_grant_type");
    }

    @Test
    void aRefreshTokenWorksOnceAndGivesANewPair() {
        JsonNode first = exchange(allow(null).get("code"));
        String refresh = first.get("refresh_token").asString();

        var refreshed = token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertThat(refreshed.status()).isEqualTo(200);
        JsonNode second = refreshed.json();
        assertThat(second.get("access_token").asString()).isNotEqualTo(first.get("access_token").asString());
        assertThat(second.get("refresh_token").asString()).isNotEqualTo(refresh);
        assertThat(http.get("/me", second.get("access_token").asString()).status()).isEqualTo(200);

        var reused = token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(token(Map.of("grant_type", "refresh_token", "refresh_token",
                second.get("refresh_token").asString())).status()).isEqualTo(200);
    }

    @Test
    void anAccessTokenExpiresAfterAnHourOfSimulatedTimeAndARefreshRevivesTheConnection() {
        JsonNode pair = exchange(allow(null).get("code"));
        String access = pair.get("access_token").asString();
        samsara.advanceClock(Duration.ofMinutes(59));
        assertThat(http.get("/me", access).status()).isEqualTo(200);

        samsara.advanceClock(Duration.ofMinutes(1));

        assertThat(http.get("/me", access).status()).isEqualTo(401);
        JsonNode renewed = token(Map.of("grant_type", "refresh_token", "refresh_token",
                pair.get("refresh_token").asString())).json();
        assertThat(http.get("/me", renewed.get("access_token").asString()).status()).isEqualTo(200);
    }

    @Test
    void revokingTheRefreshTokenKillsThePair() {
        JsonNode pair = exchange(allow(null).get("code"));

        var revoke = http.postForm("/oauth2/revoke", Map.of("token", pair.get("refresh_token").asString()),
                OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET);

        assertThat(revoke.status()).isEqualTo(200);
        assertThat(http.get("/me", pair.get("access_token").asString()).status()).isEqualTo(401);
        var refresh = token(Map.of("grant_type", "refresh_token", "refresh_token",
                pair.get("refresh_token").asString()));
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void revokingFromTheDashboardSwitchKillsThePairToo() {
        JsonNode pair = exchange(allow(null).get("code"));

        samsara.revokeToken(pair.get("access_token").asString());

        assertThat(http.get("/me", pair.get("access_token").asString()).status()).isEqualTo(401);
        assertThat(token(Map.of("grant_type", "refresh_token", "refresh_token",
                pair.get("refresh_token").asString())).status()).isEqualTo(400);
    }

    private Map<String, String> allow(String scope) {
        var page = http.getPage(authorizePath(scope == null ? "" : "&scope=" + scope));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        var decision = http.postForm("/oauth2/authorize", Map.of("authorization", authorizationId(page.body()),
                "decision", "allow"), null, null);
        assertThat(decision.status()).isEqualTo(302);
        assertThat(decision.header("Location")).startsWith(REDIRECT + "?");
        Map<String, String> callback = params(decision.header("Location"));
        assertThat(callback).containsEntry("state", STATE).containsKey("code");
        if (scope == null) {
            assertThat(callback).containsEntry("scope", "admin:read");
        }
        return callback;
    }

    private JsonNode exchange(String code) {
        var answer = token(Map.of("grant_type", "authorization_code", "code", code));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private SamsaraHttp.Answer token(Map<String, String> form) {
        return http.postForm("/oauth2/token", form, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET);
    }

    private static String authorizePath(String extra) {
        return "/oauth2/authorize?client_id=" + OAUTH_CLIENT_ID + "&response_type=code&state=" + STATE + extra;
    }

    private static String authorizationId(String html) {
        Matcher matcher = AUTHORIZATION.matcher(html);
        assertThat(matcher.find()).as(html).isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> params(String location) {
        var query = SimulatedRequest.parseForm(URI.create(location).getRawQuery());
        var single = new java.util.LinkedHashMap<String, String>();
        query.forEach((name, values) -> single.put(name, values.getFirst()));
        assertThat(query.values()).allSatisfy(values -> assertThat(values).hasSize(1));
        return single;
    }
}
