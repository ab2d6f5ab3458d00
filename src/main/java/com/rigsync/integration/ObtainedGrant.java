package com.rigsync.integration;

import java.time.Instant;

/**
 * An OAuth grant Samsara just gave, not stored yet because the user must first confirm that it belongs to another
 * organisation than the department's earlier connection. Holds its tokens only as ciphertext; the screen can do
 * nothing with it but hand it back to confirm or discard it.
 */
public final class ObtainedGrant {

    private final long departmentId;
    private final long userId;
    private final String regionKey;
    final String accessCiphertext;
    final String refreshCiphertext;
    private final Instant expiresAt;
    private final String scope;
    private final String organizationId;
    private final String organizationName;

    ObtainedGrant(long departmentId, long userId, String regionKey, String accessCiphertext, String refreshCiphertext,
                  Instant expiresAt, String scope, String organizationId, String organizationName) {
        this.departmentId = departmentId;
        this.userId = userId;
        this.regionKey = regionKey;
        this.accessCiphertext = accessCiphertext;
        this.refreshCiphertext = refreshCiphertext;
        this.expiresAt = expiresAt;
        this.scope = scope;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
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

    String scope() {
        return scope;
    }

    public String organizationId() {
        return organizationId;
    }

    public String organizationName() {
        return organizationName;
    }

    @Override
    public String toString() {
        return "ObtainedGrant[department " + departmentId + ", org " + organizationId + ", tokens redacted]";
    }
}
