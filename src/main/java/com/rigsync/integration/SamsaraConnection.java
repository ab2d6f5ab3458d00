package com.rigsync.integration;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.rigsync.samsara.TagFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A department's Samsara connection. Secrets only as ciphertext; never in toString. Updates write only the changed
 * columns, so a settings save that loaded the row before an OAuth refresh rotated the tokens (a bulk update without a
 * version bump) never writes the spent tokens back.
 */
@Entity
@DynamicUpdate
@Table(name = "samsara_connection")
class SamsaraConnection {

    static final int DEFAULT_SYNC_INTERVAL_MINUTES = 15;


    @Id
    @Column(name = "department_id")
    private Long departmentId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(nullable = false, length = 40)
    private String region;

    @Column(name = "tag_ids", length = 2000)
    private String tagIds;

    @Column(name = "parent_tag_ids", length = 2000)
    private String parentTagIds;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_kind", length = 20)
    private AuthKind authKind;

    @Column(name = "secret_ciphertext", length = 2000)
    private String secretCiphertext;

    @Column(name = "secret_last4", length = 4)
    private String secretLast4;

    @Column(name = "refresh_ciphertext", length = 2000)
    private String refreshCiphertext;

    @Column(name = "access_expires_at")
    private Instant accessExpiresAt;

    @Column(name = "oauth_scope", length = 200)
    private String oauthScope;

    @Column(name = "secret_saved_by", length = 120)
    private String secretSavedBy;

    @Column(name = "secret_saved_at")
    private Instant secretSavedAt;

    @Column(name = "org_id", length = 40)
    private String orgId;

    @Column(name = "org_name", length = 200)
    private String orgName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ConnectionHealth health;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "sync_interval_minutes", nullable = false)
    private int syncIntervalMinutes = DEFAULT_SYNC_INTERVAL_MINUTES;

    @Column(name = "updated_by", nullable = false, length = 120)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected SamsaraConnection() {
    }

    SamsaraConnection(long departmentId, String region) {
        this.departmentId = departmentId;
        this.region = region;
        this.health = ConnectionHealth.NOT_CONNECTED;
    }

    Long getDepartmentId() {
        return departmentId;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    String getRegion() {
        return region;
    }

    void setRegion(String region) {
        this.region = region;
    }

    TagFilter getTagFilter() {
        return new TagFilter(split(tagIds), split(parentTagIds));
    }

    void setTagFilter(TagFilter tags) {
        this.tagIds = tags.tagIds().isEmpty() ? null : String.join(",", tags.tagIds());
        this.parentTagIds = tags.parentTagIds().isEmpty() ? null : String.join(",", tags.parentTagIds());
    }

    private static List<String> split(String ids) {
        return ids == null || ids.isBlank() ? List.of()
                : Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    AuthKind getAuthKind() {
        return authKind;
    }

    String getSecretCiphertext() {
        return secretCiphertext;
    }

    String getSecretLast4() {
        return secretLast4;
    }

    String getSecretSavedBy() {
        return secretSavedBy;
    }

    Instant getSecretSavedAt() {
        return secretSavedAt;
    }

    boolean hasSecret() {
        return secretCiphertext != null;
    }

    /** Stores a new API token (already encrypted), replacing any earlier token or OAuth grant. */
    void storeApiToken(String ciphertext, String last4, String savedBy, Instant savedAt, ConnectionHealth health) {
        this.authKind = AuthKind.API_TOKEN;
        this.oauthScope = null;
        this.secretCiphertext = ciphertext;
        this.secretLast4 = last4;
        this.refreshCiphertext = null;
        this.accessExpiresAt = null;
        this.secretSavedBy = savedBy;
        this.secretSavedAt = savedAt;
        this.health = health;
        this.lastUsedAt = health == ConnectionHealth.OK ? savedAt : null;
    }

    /**
     * Stores a new OAuth grant (tokens already encrypted), replacing any API token or earlier grant, for the
     * organisation Samsara named.
     */
    void storeOAuthGrant(String accessCiphertext, String refreshCiphertext, Instant expiresAt, String scope,
                         String orgId, String orgName, String savedBy, Instant savedAt) {
        this.authKind = AuthKind.OAUTH;
        this.secretCiphertext = accessCiphertext;
        this.secretLast4 = null;
        this.refreshCiphertext = refreshCiphertext;
        this.accessExpiresAt = expiresAt;
        this.oauthScope = scope;
        this.orgId = orgId;
        this.orgName = orgName;
        this.secretSavedBy = savedBy;
        this.secretSavedAt = savedAt;
        this.health = ConnectionHealth.OK;
        this.lastUsedAt = savedAt;
    }

    Instant getAccessExpiresAt() {
        return accessExpiresAt;
    }

    String getOauthScope() {
        return oauthScope;
    }

    void removeSecret() {
        this.authKind = null;
        this.oauthScope = null;
        this.secretCiphertext = null;
        this.secretLast4 = null;
        this.refreshCiphertext = null;
        this.accessExpiresAt = null;
        this.secretSavedBy = null;
        this.secretSavedAt = null;
        this.health = ConnectionHealth.NOT_CONNECTED;
        this.lastUsedAt = null;
    }

    String getRefreshCiphertext() {
        return refreshCiphertext;
    }

    String getOrgId() {
        return orgId;
    }

    String getOrgName() {
        return orgName;
    }

    void setOrganization(String id, String name) {
        this.orgId = id;
        this.orgName = name;
    }

    ConnectionHealth getHealth() {
        return health;
    }

    void setHealth(ConnectionHealth health) {
        this.health = health;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    void setLastUsedAt(Instant lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }

    int getSyncIntervalMinutes() {
        return syncIntervalMinutes;
    }

    void setSyncIntervalMinutes(int minutes) {
        this.syncIntervalMinutes = minutes;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    void touch(String by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    Long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "SamsaraConnection[department " + departmentId + ", " + region + ", " + health + "]";
    }
}
