package com.rigsync.samsara;

/** The Samsara calls this client makes, with the scope each needs and its documented per-token rate limit. */
enum Endpoint {
    ME("GET", "/me", "Read Org Information", "read the organisation's details", 0, 0),
    VEHICLES("GET", "/fleet/vehicles", "Read Vehicles", "list vehicles", 25, 1),
    VEHICLE("GET", "/fleet/vehicles/{id}", "Read Vehicles", "read vehicles", 0, 0),
    VEHICLE_STATS("GET", "/fleet/vehicles/stats", "Read Vehicle Statistics", "read vehicle statistics", 0, 0),
    VEHICLE_STATS_FEED("GET", "/fleet/vehicles/stats/feed", "Read Vehicle Statistics", "read vehicle statistics", 0, 0),
    DRIVERS("GET", "/fleet/drivers", "Read Drivers", "read drivers", 0, 0),
    DRIVER_AUTH_TOKEN("POST", "/fleet/drivers/auth-token", "Write Driver Auth Token", "issue driver login tokens", 100, 60),
    OAUTH_TOKEN("POST", "/oauth2/token", null, "connect to Samsara", 0, 0),
    OAUTH_REVOKE("POST", "/oauth2/revoke", null, "disconnect from Samsara", 0, 0);

    final String method;
    final String pathTemplate;
    /** The granular scope to select on an API token, or null for the OAuth endpoints. */
    final String scope;
    /** What the call does, in an administrator's words ("The token cannot ..."). */
    final String purpose;
    /** Documented endpoint limit: {@code limitRequests} per {@code limitSeconds}; 0 when only the overall limit applies. */
    final int limitRequests;
    final int limitSeconds;

    Endpoint(String method, String pathTemplate, String scope, String purpose, int limitRequests, int limitSeconds) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.scope = scope;
        this.purpose = purpose;
        this.limitRequests = limitRequests;
        this.limitSeconds = limitSeconds;
    }

    boolean safeToRepeat() {
        return "GET".equals(method);
    }

    boolean isRead() {
        return "GET".equals(method);
    }

    /** What a list from this call holds, in words. */
    String listed() {
        return switch (this) {
            case VEHICLES -> "vehicles";
            case VEHICLE_STATS, VEHICLE_STATS_FEED -> "vehicle stats";
            case DRIVERS -> "drivers";
            default -> "items";
        };
    }

    String label() {
        return method + " " + pathTemplate;
    }
}
