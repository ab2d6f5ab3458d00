package com.rigsync.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.department.DepartmentService;
import com.rigsync.samsara.TagFilter;
import com.rigsync.security.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The department's Samsara connection as Settings reads it, and a settings change written to it with its audit trail.
 * Runs inside the service's transaction; the service has asked Samsara before, outside any transaction.
 */
@Component
class SettingsStore {

    private final SamsaraConnectionRepository connections;
    private final DepartmentService departments;
    private final SamsaraRegions regions;
    private final TokenVault vault;
    private final SamsaraOAuthApp oauthApp;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SettingsStore(SamsaraConnectionRepository connections, DepartmentService departments, SamsaraRegions regions,
                  TokenVault vault, SamsaraOAuthApp oauthApp, AuditService audit, ApplicationEventPublisher events,
                  Clock clock) {
        this.connections = connections;
        this.departments = departments;
        this.regions = regions;
        this.vault = vault;
        this.oauthApp = oauthApp;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The department's settings as the screen shows them (no token, only its last four characters). */
    SamsaraSettings read(long departmentId) {
        boolean entitled = departments.samsaraEntitled(departmentId);
        boolean oauth = oauthApp.configured();
        List<Region> regionChoices = regions.all();
        SamsaraConnection c = connections.findById(departmentId).orElse(null);
        if (!entitled) {
            return new SamsaraSettings(false, false, null, List.of(), List.of(), null, null, null, null, null, null,
                    null, null, c == null ? null : c.getVersion(), false, null, List.of());
        }
        if (c == null) {
            return new SamsaraSettings(true, false, SamsaraRegions.US, regionChoices, List.of(), null, null,
                    ConnectionHealth.NOT_CONNECTED, null, null, null, null, null, null, oauth, null, List.of());
        }
        SavedToken token = c.hasSecret() && c.getAuthKind() == AuthKind.API_TOKEN
                ? new SavedToken(c.getSecretLast4(), c.getSecretSavedBy(), c.getSecretSavedAt()) : null;
        SamsaraSettings.OAuthGrantSummary grant = c.hasSecret() && c.getAuthKind() == AuthKind.OAUTH
                ? new SamsaraSettings.OAuthGrantSummary(c.getOauthScope(), c.getSecretSavedBy(), c.getSecretSavedAt())
                : null;
        List<Region> offered = new ArrayList<>(regionChoices);
        if (regions.find(c.getRegion()).isEmpty()) {
            offered.add(new Region(c.getRegion(), c.getRegion() + " (no longer offered)"));
        }
        TagFilter tags = c.getTagFilter();
        return new SamsaraSettings(true, c.isEnabled(), c.getRegion(), offered, tags.tagIds(), c.getAuthKind(), token,
                c.getHealth(), c.getOrgId(), c.getOrgName(), c.getLastUsedAt(), c.getUpdatedBy(), c.getUpdatedAt(),
                c.getVersion(), oauth, grant, tags.parentTagIds());
    }

    /**
     * Writes {@code change} if the connection is still at the version the user saw: the toggle, region and tag
     * filter, the organisation a passed {@code report} names (announcing a change of organisation), and a new
     * {@code token}, verified by the report or else "not yet verified".
     */
    SaveResult write(long departmentId, SignedInUser user, SettingsChange change, TagFilter tags, String token,
                     ConnectionTestReport report) {
        SamsaraConnection connection = connections.findById(departmentId).orElse(null);
        Long currentVersion = connection == null ? null : connection.getVersion();
        if (!Objects.equals(currentVersion, change.expectedVersion())) {
            return new SaveResult.ChangedMeanwhile(connection == null ? "someone" : connection.getUpdatedBy());
        }
        boolean created = connection == null;
        if (created) {
            connection = new SamsaraConnection(departmentId, change.regionKey());
        }
        Instant now = clock.instant();
        String by = user.displayName();
        List<String> messages = new ArrayList<>();

        if (created ? change.enabled() : connection.isEnabled() != change.enabled()) {
            audit.record(departmentId, change.enabled() ? AuditAction.SAMSARA_ENABLED : AuditAction.SAMSARA_DISABLED,
                    "Samsara integration", null);
        }
        List<String> settingsChanges = new ArrayList<>();
        if (!created && !connection.getRegion().equals(change.regionKey())) {
            settingsChanges.add("region " + connection.getRegion() + " -> " + change.regionKey());
        }
        if (!(created ? TagFilter.none() : connection.getTagFilter()).equals(tags)) {
            settingsChanges.add("tag filter " + describe(tags));
        }
        if (!settingsChanges.isEmpty()) {
            audit.record(departmentId, AuditAction.SAMSARA_SETTINGS_CHANGED, "Samsara integration",
                    String.join("; ", settingsChanges));
        }
        connection.setEnabled(change.enabled());
        connection.setRegion(change.regionKey());
        connection.setTagFilter(tags);

        boolean verified = report != null && report.passed();
        if (report != null && verified) {
            String previousOrg = connection.getOrgId();
            if (previousOrg != null && !previousOrg.equals(report.organizationId())) {
                audit.record(departmentId, AuditAction.SAMSARA_ORGANISATION_CHANGED, report.organizationName(),
                        "from organisation " + previousOrg + " to " + report.organizationId()
                                + "; existing Samsara links flagged for review");
                events.publishEvent(new SamsaraOrganisationChanged(departmentId, previousOrg, report.organizationId()));
                messages.add("Existing Samsara links are flagged for review.");
            }
            connection.setOrganization(report.organizationId(), report.organizationName());
        }
        if (token != null) {
            if (connection.hasSecret() && connection.getAuthKind() == AuthKind.OAUTH) {
                audit.record(departmentId, AuditAction.SAMSARA_OAUTH_DISCONNECTED,
                        Organisations.describe(connection.getOrgName(), connection.getOrgId()), "replaced by an API token");
            }
            boolean replacing = connection.hasSecret() && connection.getAuthKind() == AuthKind.API_TOKEN;
            String last4 = token.substring(token.length() - 4);
            connection.storeApiToken(vault.encrypt(SecretSlot.secret(departmentId), token), last4, by, now,
                    verified ? ConnectionHealth.OK : ConnectionHealth.NOT_YET_VERIFIED);
            audit.record(departmentId, replacing ? AuditAction.SAMSARA_TOKEN_REPLACED : AuditAction.SAMSARA_TOKEN_SAVED,
                    "token ending in " + last4, verified ? "verified: " + report.organizationName()
                            + " (" + report.organizationId() + ")" : "saved not yet verified: Samsara could not be reached");
            messages.add(0, verified ? "Token saved and verified: " + report.organizationName() + "."
                    : "Token saved, marked not yet verified: RigSync checks it at its first call to Samsara.");
        } else if (report != null) {
            connection.setHealth(verified ? ConnectionHealth.OK : ConnectionHealth.NOT_YET_VERIFIED);
            if (verified) {
                connection.setLastUsedAt(now);
            }
        }
        if (messages.isEmpty()) {
            messages.add("Settings saved.");
        }
        if (connection.isEnabled() && !connection.hasSecret()) {
            messages.add("Save an access token to connect to Samsara.");
        }
        if (report != null && report.warning() != null) {
            messages.add(report.warning());
        }
        connection.touch(by, now);
        connections.saveAndFlush(connection);
        return new SaveResult.Saved(read(departmentId), String.join(" ", messages));
    }

    /** "none", "3914,3915", "4815 and everything under it", or both, for the audit trail. */
    static String describe(TagFilter tags) {
        if (tags.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (!tags.tagIds().isEmpty()) {
            parts.add(String.join(",", tags.tagIds()));
        }
        if (!tags.parentTagIds().isEmpty()) {
            parts.add(String.join(",", tags.parentTagIds()) + " and everything under "
                    + (tags.parentTagIds().size() == 1 ? "it" : "them"));
        }
        return String.join("; ", parts);
    }
}
