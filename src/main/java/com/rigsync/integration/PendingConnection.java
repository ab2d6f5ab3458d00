package com.rigsync.integration;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * A "Connect with Samsara" that was started and waits for Samsara's answer: its random {@code state}, bound to the
 * department and the user who started it and to the browser session that keeps this object (the Settings and Direct
 * Install screens put it in the HTTP session; the callback takes it out, so it works once). It expires 10 minutes
 * after it started.
 */
public final class PendingConnection implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String state;
    private final long departmentId;
    private final long userId;
    private final String regionKey;
    private final Instant expiresAt;
    private final String authorizeUrl;

    PendingConnection(String state, long departmentId, long userId, String regionKey, Instant expiresAt,
                      String authorizeUrl) {
        this.state = state;
        this.departmentId = departmentId;
        this.userId = userId;
        this.regionKey = regionKey;
        this.expiresAt = expiresAt;
        this.authorizeUrl = authorizeUrl;
    }

    /** The random state Samsara sends back; the key the session keeps this under. */
    public String state() {
        return state;
    }

    /** Where to send the browser: Samsara's authorize page for RigSync's app. */
    public String authorizeUrl() {
        return authorizeUrl;
    }

    long departmentId() {
        return departmentId;
    }

    long userId() {
        return userId;
    }

    String regionKey() {
        return regionKey;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "PendingConnection[department " + departmentId + ", " + regionKey + ", expires " + expiresAt + "]";
    }
}
