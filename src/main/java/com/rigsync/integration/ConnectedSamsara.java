package com.rigsync.integration;

import java.time.Instant;
import java.util.List;

import com.rigsync.samsara.SamsaraSession;
import com.rigsync.samsara.TagFilter;

/**
 * A department's live way into Samsara: the session (whose token stays inside the server, as a token source), the
 * organisation it was saved for and the department's tag filter. Report how calls went with
 * {@link SamsaraConnections#recordSuccess} and {@link SamsaraConnections#recordFailure}.
 */
public final class ConnectedSamsara {

    private final long departmentId;
    private final String regionKey;
    private final String organizationId;
    private final String organizationName;
    private final TagFilter tags;
    private final int syncIntervalMinutes;
    private final SamsaraSession session;
    private final AuthKind authKind;
    /** Which stored secret this session uses, so a success or failure is recorded only against that secret. */
    final String secretCiphertext;

    ConnectedSamsara(long departmentId, String regionKey, String organizationId, String organizationName,
                     TagFilter tags, int syncIntervalMinutes, SamsaraSession session, String secretCiphertext,
                     AuthKind authKind) {
        this.departmentId = departmentId;
        this.regionKey = regionKey;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.tags = tags;
        this.syncIntervalMinutes = syncIntervalMinutes;
        this.session = session;
        this.secretCiphertext = secretCiphertext;
        this.authKind = authKind == null ? AuthKind.API_TOKEN : authKind;
    }

    public long departmentId() {
        return departmentId;
    }

    public String regionKey() {
        return regionKey;
    }

    /** The Samsara organisation the token was verified for; null while it is "not yet verified". */
    public String organizationId() {
        return organizationId;
    }

    public String organizationName() {
        return organizationName;
    }

    /** The department's Samsara tag filter (empty: every vehicle the token sees). */
    public TagFilter tags() {
        return tags;
    }

    public int syncIntervalMinutes() {
        return syncIntervalMinutes;
    }

    /** The Samsara calls; its {@code requestCount()} counts this session's requests. */
    public SamsaraSession samsara() {
        return session;
    }

    /**
     * The same connection whose Samsara calls all end by {@code deadline} (no request after it, no back-off past
     * it): a sync run's time budget, so a failing Samsara never holds a scheduler thread longer.
     */
    public ConnectedSamsara until(Instant deadline) {
        return new ConnectedSamsara(departmentId, regionKey, organizationId, organizationName, tags,
                syncIntervalMinutes, session.until(deadline), secretCiphertext, authKind);
    }

    /** How the department connected (API token or OAuth grant): messages about missing scopes differ. */
    public AuthKind authKind() {
        return authKind;
    }

    @Override
    public String toString() {
        return "ConnectedSamsara[department " + departmentId + ", " + regionKey + ", org " + organizationId + "]";
    }
}
