package com.rigsync.demo.simulator;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organisation's API tokens and the scopes each carries: the demo tokens, Global Read tokens issued later, and
 * OAuth access tokens (by their grant's scope); a revoked, expired or unknown token carries none. Not thread-safe
 * except {@link #issueGlobalRead}: {@link SimulatedSamsara} calls the rest under its lock.
 */
final class ApiTokens {

    /** The scopes a Samsara API token can be given, named as the dashboard names them. */
    enum Scope {
        READ_ORG("Read Org Information"), READ_VEHICLES("Read Vehicles"),
        READ_VEHICLE_STATS("Read Vehicle Statistics"), READ_DRIVERS("Read Drivers"),
        WRITE_DRIVER_AUTH_TOKEN("Write Driver Auth Token");

        final String label;

        Scope(String label) {
            this.label = label;
        }
    }

    private static final Set<Scope> ALL_READS = EnumSet.of(Scope.READ_ORG, Scope.READ_VEHICLES,
            Scope.READ_VEHICLE_STATS, Scope.READ_DRIVERS);
    private static final Set<Scope> ALL_READS_AND_DRIVER_AUTH_TOKENS = union(ALL_READS,
            Scope.WRITE_DRIVER_AUTH_TOKEN);

    private final SimulatedOAuth oauth;
    private final Map<String, Set<Scope>> demoTokens = Map.of(
            SimulatedSamsara.GLOBAL_READ_TOKEN, ALL_READS,
            SimulatedSamsara.NO_STATS_TOKEN, EnumSet.of(Scope.READ_ORG, Scope.READ_VEHICLES, Scope.READ_DRIVERS),
            SimulatedSamsara.REVOKED_TOKEN, ALL_READS,
            SimulatedSamsara.DRIVER_TOKENS_TOKEN, ALL_READS_AND_DRIVER_AUTH_TOKENS);
    /** Further Global Read tokens made by {@link #issueGlobalRead}, which runs outside the simulator's lock. */
    private final Map<String, Set<Scope>> issuedTokens = new ConcurrentHashMap<>();
    private final Set<String> revokedTokens = new HashSet<>();

    ApiTokens(SimulatedOAuth oauth) {
        this.oauth = oauth;
        revokedTokens.add(SimulatedSamsara.REVOKED_TOKEN);
    }

    /** The token of the request's {@code Authorization: Bearer} header, or null when it has none. */
    static String bearerToken(SimulatedRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** The scopes the token carries now, or null when it is unknown, expired or revoked. */
    Set<Scope> scopesOf(String token, Instant now) {
        if (revokedTokens.contains(token)) {
            return null;
        }
        Set<Scope> scopes = demoTokens.getOrDefault(token, issuedTokens.get(token));
        if (scopes != null) {
            return scopes;
        }
        SimulatedOAuth.TokenCheck check = oauth.check(token, now);
        if (check.status() != SimulatedOAuth.TokenCheck.Status.VALID) {
            return null;
        }
        return check.scope().equals(SimulatedOAuth.WRITE_SCOPE) ? ALL_READS_AND_DRIVER_AUTH_TOKENS : ALL_READS;
    }

    void issueGlobalRead(String token) {
        issuedTokens.put(token, ALL_READS);
    }

    /** An OAuth access or refresh token takes its whole grant with it; any other token is revoked alone. */
    void revoke(String token) {
        if (!oauth.revokeGrantOf(token)) {
            revokedTokens.add(token);
        }
    }

    /** Only the demo's revoked token stays revoked. */
    void reset() {
        revokedTokens.clear();
        revokedTokens.add(SimulatedSamsara.REVOKED_TOKEN);
    }

    private static Set<Scope> union(Set<Scope> scopes, Scope extra) {
        EnumSet<Scope> union = EnumSet.copyOf(scopes);
        union.add(extra);
        return union;
    }
}
