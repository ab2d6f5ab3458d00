package com.rigsync.demo.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulated organisation's OAuth 2.0 server for its one app: the authorize page, {@code /oauth2/token} and
 * {@code /oauth2/revoke}. Codes live 10 minutes and work once; access tokens live an hour; refresh tokens work once.
 * Not thread-safe: {@link SimulatedSamsara} calls it under its lock.
 */
final class SimulatedOAuth {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
    static final String READ_SCOPE = "admin:read";
    static final String WRITE_SCOPE = "admin:write";

    /** What an access token is worth right now. */
    record TokenCheck(Status status, String scope) {
        enum Status { VALID, EXPIRED, UNKNOWN }
    }

    private record Pending(String redirectUri, String state, String scope, Instant created) {
    }

    private static final class Code {
        final String grantScope;
        final String redirectUri;
        final Instant issued;
        boolean used;
        String grantId;

        Code(String grantScope, String redirectUri, Instant issued) {
            this.grantScope = grantScope;
            this.redirectUri = redirectUri;
            this.issued = issued;
        }
    }

    private static final class Grant {
        final String scope;
        boolean revoked;

        Grant(String scope) {
            this.scope = scope;
        }
    }

    private record AccessToken(String grantId, Instant expiresAt) {
    }

    private static final class RefreshToken {
        final String grantId;
        boolean used;

        RefreshToken(String grantId) {
            this.grantId = grantId;
        }
    }

    private final String clientId;
    private final String clientSecret;
    private final Supplier<String> redirectUri;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, AccessToken> accessTokens = new HashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new HashMap<>();

    SimulatedOAuth(String clientId, String clientSecret, Supplier<String> redirectUri) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    String redirectUri() {
        return redirectUri.get();
    }

    SimulatedResponse authorizePage(SimulatedRequest request, Instant now) {
        String requestedClient = request.queryParam("client_id");
        if (!clientId.equals(requestedClient)) {
            return errorPage("Unknown app", "No app with this client_id is registered with the simulated "
                    + "organisation. The demo app's client id is " + clientId + ".");
        }
        String requestedRedirect = request.queryParam("redirect_uri");
        String redirectUri = redirectUri();
        if (requestedRedirect != null && !requestedRedirect.equals(redirectUri)) {
            return errorPage("Redirect URI not registered", "The redirect_uri " + requestedRedirect
                    + " is not the one registered for this app (" + redirectUri + ").");
        }
        String state = request.queryParam("state");
        if (!"code".equals(request.queryParam("response_type"))) {
            return errorRedirect("invalid_request", "response_type must be 'code'.", state);
        }
        if (state == null || state.length() <= 8) {
            return errorRedirect("invalid_request", "The state is missing or has fewer than 9 characters.", state);
        }
        String scope = request.queryParam("scope") == null ? READ_SCOPE : request.queryParam("scope");
        if (!scope.equals(READ_SCOPE) && !scope.equals(WRITE_SCOPE)) {
            return errorRedirect("invalid_request", "scope must be admin:read or admin:write.", state);
        }
        pending.values().removeIf(p -> p.created().plus(CODE_LIFETIME).isBefore(now));
        String authorization = randomToken("sim-authz-");
        pending.put(authorization, new Pending(redirectUri, state, scope, now));
        return SimulatedResponse.html(200, consentPage(authorization, scope));
    }

    SimulatedResponse decide(SimulatedRequest request, Instant now) {
        Map<String, List<String>> form = request.formParams();
        Pending decided = pending.remove(first(form, "authorization"));
        if (decided == null || decided.created().plus(CODE_LIFETIME).isBefore(now)) {
            return errorPage("Request expired", "This authorization request is unknown or expired. "
                    + "Start the connection again from RigSync.");
        }
        if (!"allow".equals(first(form, "decision"))) {
            return redirect(decided.redirectUri(), Map.of("error", "scope_not_granted",
                    "error_description", "The resource owner did not grant the requested scope.",
                    "error_hint", "The user clicked Cancel on the simulated Samsara authorization page.",
                    "state", decided.state()));
        }
        String code = randomToken("sim-code-");
        codes.put(code, new Code(decided.scope(), decided.redirectUri(), now));
        return redirect(decided.redirectUri(), Map.of("code", code, "state", decided.state(),
                "scope", decided.scope()));
    }

    SimulatedResponse token(SimulatedRequest request, Instant now) {
        if (!authenticatesClient(request)) {
            return oauthError(401, "invalid_client", "Client authentication failed: send the app's client id and "
                    + "secret as HTTP Basic credentials.");
        }
        Map<String, List<String>> form = request.formParams();
        String grantType = first(form, "grant_type");
        if (grantType == null) {
            return oauthError(400, "invalid_request", "grant_type is missing.");
        }
        return switch (grantType) {
            case "authorization_code" -> exchangeCode(first(form, "code"), first(form, "redirect_uri"), now);
            case "refresh_token" -> refresh(first(form, "refresh_token"), now);
            default -> oauthError(400, "unsupported_grant_type", "grant_type must be authorization_code or "
                    + "refresh_token.");
        };
    }

    SimulatedResponse revoke(SimulatedRequest request) {
        if (!authenticatesClient(request)) {
            return oauthError(401, "invalid_client", "Client authentication failed.");
        }
        String token = first(request.formParams(), "token");
        if (token == null) {
            return oauthError(400, "invalid_request", "token is missing.");
        }
        revokeGrantOf(token);
        return new SimulatedResponse(200, Map.of(), null, "", Duration.ZERO);
    }

    TokenCheck check(String accessToken, Instant now) {
        AccessToken token = accessTokens.get(accessToken);
        if (token == null || grants.get(token.grantId()).revoked) {
            return new TokenCheck(TokenCheck.Status.UNKNOWN, null);
        }
        if (!now.isBefore(token.expiresAt())) {
            return new TokenCheck(TokenCheck.Status.EXPIRED, null);
        }
        return new TokenCheck(TokenCheck.Status.VALID, grants.get(token.grantId()).scope);
    }

    /** Revokes the grant an access or refresh token belongs to, as the revoke endpoint or the dashboard does. */
    boolean revokeGrantOf(String token) {
        String grantId = accessTokens.containsKey(token) ? accessTokens.get(token).grantId()
                : refreshTokens.containsKey(token) ? refreshTokens.get(token).grantId : null;
        if (grantId == null) {
            return false;
        }
        grants.get(grantId).revoked = true;
        return true;
    }

    void clear() {
        pending.clear();
        codes.clear();
        grants.clear();
        accessTokens.clear();
        refreshTokens.clear();
    }

    private SimulatedResponse exchangeCode(String code, String requestRedirect, Instant now) {
        Code issued = code == null ? null : codes.get(code);
        if (issued == null) {
            return oauthError(400, "invalid_grant", "The authorization code is unknown.");
        }
        if (issued.used) {
            // a replayed code revokes what it gave out, as RFC 6749 section 4.1.2 asks
            if (issued.grantId != null) {
                grants.get(issued.grantId).revoked = true;
            }
            return oauthError(400, "invalid_grant", "The authorization code has already been used.");
        }
        if (!now.isBefore(issued.issued.plus(CODE_LIFETIME))) {
            return oauthError(400, "invalid_grant", "The authorization code has expired (codes are valid for "
                    + "10 minutes).");
        }
        if (requestRedirect != null && !requestRedirect.equals(issued.redirectUri)) {
            return oauthError(400, "invalid_grant", "redirect_uri does not match the authorization request.");
        }
        issued.used = true;
        String grantId = randomToken("grant-");
        grants.put(grantId, new Grant(issued.grantScope));
        issued.grantId = grantId;
        return issuePair(grantId, now);
    }

    private SimulatedResponse refresh(String refreshToken, Instant now) {
        RefreshToken token = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (token == null || grants.get(token.grantId).revoked) {
            return oauthError(400, "invalid_grant", "The refresh token is unknown or was revoked.");
        }
        if (token.used) {
            return oauthError(400, "invalid_grant", "The refresh token has already been used.");
        }
        token.used = true;
        return issuePair(token.grantId, now);
    }

    private SimulatedResponse issuePair(String grantId, Instant now) {
        String access = randomToken("sim-oauth-at-");
        String refresh = randomToken("sim-oauth-rt-");
        accessTokens.put(access, new AccessToken(grantId, now.plus(ACCESS_TOKEN_LIFETIME)));
        refreshTokens.put(refresh, new RefreshToken(grantId));
        var body = new LinkedHashMap<String, Object>();
        body.put("access_token", access);
        body.put("refresh_token", refresh);
        body.put("expires_in", ACCESS_TOKEN_LIFETIME.toSeconds() - 1);
        body.put("scope", grants.get(grantId).scope);
        body.put("token_type", "bearer");
        return SimulatedResponse.json(200, Json.write(body)).withHeader("Cache-Control", "no-store");
    }

    private boolean authenticatesClient(SimulatedRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            return decoded.equals(clientId + ":" + clientSecret);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static SimulatedResponse oauthError(int status, String error, String description) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", error);
        body.put("error_description", description);
        return SimulatedResponse.json(status, Json.write(body));
    }

    private SimulatedResponse errorRedirect(String error, String description, String state) {
        var params = new LinkedHashMap<String, String>();
        params.put("error", error);
        params.put("error_description", description);
        if (state != null) {
            params.put("state", state);
        }
        return redirect(redirectUri(), params);
    }

    private static SimulatedResponse redirect(String target, Map<String, String> params) {
        var location = new StringBuilder(target);
        char separator = target.contains("?") ? '&' : '?';
        for (var param : new java.util.TreeMap<>(params).entrySet()) {
            location.append(separator).append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            separator = '&';
        }
        return SimulatedResponse.redirect(location.toString());
    }

    private String randomToken(String prefix) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String consentPage(String authorization, String scope) {
        String access = scope.equals(WRITE_SCOPE)
                ? "read your organisation's data and issue driver login tokens (admin:write)"
                : "read your organisation's data (admin:read)";
        return page("Connect RigSync", """
                <p class="banner">Simulated Samsara &mdash; a stand-in for Samsara's real sign-in, for demos and \
                tests. No real Samsara account is involved.</p>
                <h1>Connect RigSync to %s</h1>
                <p>The app <strong>RigSync (demo app)</strong> (client id <code>%s</code>) asks to %s.</p>
                <p>After you choose, you are sent back to <code>%s</code>.</p>
                <form method="post" action="authorize">
                  <input type="hidden" name="authorization" value="%s">
                  <button type="submit" name="decision" value="allow">Allow</button>
                  <button type="submit" name="decision" value="cancel">Cancel</button>
                </form>
                """.formatted(escape(SimulatedFleet.ORGANIZATION_NAME), escape(clientId), escape(access),
                escape(redirectUri()), escape(authorization)));
    }

    private static SimulatedResponse errorPage(String title, String message) {
        return SimulatedResponse.html(400, page(title, """
                <p class="banner">Simulated Samsara</p>
                <h1>%s</h1>
                <p>%s</p>
                """.formatted(escape(title), escape(message))));
    }

    private static String page(String title, String content) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Simulated Samsara: %s</title>
                <style>body{font-family:sans-serif;max-width:40em;margin:3em auto}\
                .banner{background:#fff3cd;border:1px solid #e0c36a;padding:.5em}\
                button{font-size:1.1em;margin-right:1em;padding:.4em 1.2em}</style></head>
                <body>
                %s</body></html>
                """.formatted(escape(title), content);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
