package com.rigsync.demo.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.rigsync.demo.simulator.ApiTokens.Scope;

import static com.rigsync.demo.simulator.SamsaraJson.error;
import static com.rigsync.demo.simulator.SamsaraJson.ok;

/**
 * Routes a request that no fault switch has answered, checking what Samsara checks in its order: OAuth paths go to
 * the OAuth server; every other request needs a live bearer token (401), a known endpoint (404), the endpoint's
 * scope (403) and room in the rate limits (429). Not thread-safe: {@link SimulatedSamsara} calls it under its lock.
 */
final class SimulatedApi {

    private final SimulatedOAuth oauth;
    private final ApiTokens tokens;
    private final FaultSwitches faults;
    private final VehicleList vehicles;
    private final VehicleStats stats;
    private final Drivers drivers;

    SimulatedApi(SimulatedOAuth oauth, ApiTokens tokens, FaultSwitches faults, VehicleList vehicles,
            VehicleStats stats, Drivers drivers) {
        this.oauth = oauth;
        this.tokens = tokens;
        this.faults = faults;
        this.vehicles = vehicles;
        this.stats = stats;
        this.drivers = drivers;
    }

    /**
     * @param path a normalized path
     * @throws BadRequest when a parameter or the body is not what the endpoint accepts
     */
    SimulatedResponse answer(SimulatedRequest request, String path, String requestId, Instant now) {
        String method = request.method();
        if (path.startsWith("/oauth2/")) {
            return switch (method + " " + path) {
                case "GET /oauth2/authorize" -> oauth.authorizePage(request, now);
                case "POST /oauth2/authorize" -> oauth.decide(request, now);
                case "POST /oauth2/token" -> oauth.token(request, now);
                case "POST /oauth2/revoke" -> oauth.revoke(request);
                default -> error(404, "Not found: " + method + " " + path, requestId);
            };
        }
        String token = ApiTokens.bearerToken(request);
        Set<Scope> scopes = token == null ? null : tokens.scopesOf(token, now);
        if (scopes == null) {
            return error(401, "Unauthorized: the API token is missing, unknown, expired or was revoked or "
                    + "regenerated.", requestId);
        }
        String endpoint = endpoint(method, path);
        if (endpoint == null) {
            return error(404, "Not found: " + method + " " + path, requestId);
        }
        Scope needed = switch (endpoint) {
            case "GET /me" -> Scope.READ_ORG;
            case "GET /fleet/vehicles", "GET /fleet/vehicles/{id}" -> Scope.READ_VEHICLES;
            case "GET /fleet/vehicles/stats", "GET /fleet/vehicles/stats/feed" -> Scope.READ_VEHICLE_STATS;
            case "GET /fleet/drivers" -> Scope.READ_DRIVERS;
            default -> Scope.WRITE_DRIVER_AUTH_TOKEN;
        };
        // what the token may do is decided before whether it may do it now: a token without the scope is told so
        // even while the organisation's limits are spent
        if (!scopes.contains(needed)) {
            return error(403, "Forbidden: this token does not have the '" + needed.label + "' scope required "
                    + "for " + endpoint + ". Edit the token's scopes in the Samsara dashboard.", requestId);
        }
        double wait = faults.rateLimitWait(token, endpoint);
        if (wait > 0) {
            String retryAfter = BigDecimal.valueOf(wait).setScale(9, RoundingMode.HALF_UP)
                    .setScale(5, RoundingMode.CEILING).toPlainString();
            return error(429, "Rate limit exceeded for " + endpoint + ". Retry after " + retryAfter
                    + " seconds.", requestId).withHeader("Retry-After", retryAfter);
        }
        return switch (endpoint) {
            case "GET /me" -> me();
            case "GET /fleet/vehicles" -> vehicles.page(request);
            case "GET /fleet/vehicles/{id}" -> vehicles.one(path.substring("/fleet/vehicles/".length()), requestId);
            case "GET /fleet/vehicles/stats" -> stats.snapshot(request, now);
            case "GET /fleet/vehicles/stats/feed" -> stats.feed(request, now);
            case "GET /fleet/drivers" -> drivers.page(request);
            default -> drivers.authToken(request, now, requestId);
        };
    }

    /** The endpoint as its documentation names it, e.g. {@code GET /fleet/vehicles/{id}}; null when there is none. */
    private static String endpoint(String method, String path) {
        String template = switch (path) {
            case "/me", "/fleet/vehicles", "/fleet/vehicles/stats", "/fleet/vehicles/stats/feed", "/fleet/drivers",
                 "/fleet/drivers/auth-token" -> path;
            default -> path.startsWith("/fleet/vehicles/") && path.indexOf('/', "/fleet/vehicles/".length()) < 0
                    ? "/fleet/vehicles/{id}" : null;
        };
        if (template == null) {
            return null;
        }
        String expectedMethod = template.equals("/fleet/drivers/auth-token") ? "POST" : "GET";
        return expectedMethod.equals(method) ? method + " " + template : null;
    }

    /** {@code GET /me}. */
    private static SimulatedResponse me() {
        var carrier = new LinkedHashMap<String, Object>();
        carrier.put("carrierName", "Springfield Fire Rescue");
        carrier.put("dotNumber", 3141592);
        carrier.put("mainOfficeAddress", "1 Main St, Springfield, IL 62701");
        var org = new LinkedHashMap<String, Object>();
        org.put("id", SimulatedFleet.ORGANIZATION_ID);
        org.put("name", SimulatedFleet.ORGANIZATION_NAME);
        org.put("carrierSettings", carrier);
        return ok(Map.of("data", org));
    }
}
