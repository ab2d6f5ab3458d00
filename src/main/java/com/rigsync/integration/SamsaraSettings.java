package com.rigsync.integration;

import java.time.Instant;
import java.util.List;

/**
 * The Settings screen's view of a department's Samsara connection. Never holds a token: only its last four
 * characters, who saved it and when.
 *
 * @param version        null while the department has never saved settings; pass it back with a change
 * @param oauthAvailable the server has OAuth app credentials: "Connect with Samsara" is offered
 * @param oauthGrant     the OAuth connection, when the department is connected with Samsara (never its tokens)
 */
public record SamsaraSettings(boolean entitled, boolean enabled, String regionKey, List<Region> regions,
        List<String> tagIds, AuthKind authKind, SavedToken savedToken, ConnectionHealth health,
        String organizationId, String organizationName, Instant lastUsedAt, String updatedBy, Instant updatedAt,
        Long version, boolean oauthAvailable, OAuthGrantSummary oauthGrant, List<String> parentTagIds) {

    public SamsaraSettings {
        regions = List.copyOf(regions);
        tagIds = List.copyOf(tagIds);
        parentTagIds = List.copyOf(parentTagIds);
    }

    public boolean tokenSaved() {
        return savedToken != null;
    }

    public boolean oauthConnected() {
        return oauthGrant != null;
    }

    /** What the screen may know of an OAuth connection: the granted scope, who connected it and when. */
    public record OAuthGrantSummary(String scope, String connectedBy, java.time.Instant connectedAt) {
    }
}
