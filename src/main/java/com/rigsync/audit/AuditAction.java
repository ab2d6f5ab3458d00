package com.rigsync.audit;

/** What happened, in the words an administrator reads in the audit log. Features add theirs here. */
public enum AuditAction {
    DEPARTMENT_CREATED("Department created"),
    ENTITLEMENT_ON("Samsara integration included in plan"),
    ENTITLEMENT_OFF("Samsara integration removed from plan"),
    ENTITLEMENT_OFF_SCHEDULED("Samsara integration to be removed from plan"),
    ENTITLEMENT_OFF_CANCELLED("Planned removal of Samsara integration cancelled"),
    ADMINISTRATOR_ADDED_BY_CLIENT_SUCCESS("Administrator added by Client Success"),
    PASSWORD_RESET_BY_CLIENT_SUCCESS("Password reset by Client Success"),
    USER_ADDED("User added"),
    USER_ROLE_CHANGED("User role changed"),
    USER_DISABLED("User disabled"),
    USER_ENABLED("User re-enabled"),
    PASSWORD_RESET("Password reset"),
    PASSWORD_CHANGED("Password changed"),
    USER_EMAIL_CHANGED("E-mail address changed"),
    ALERT_DEFAULTS_CHANGED("Alert defaults changed"),
    SIGN_IN_LOCKED("Sign-in paused after failed attempts"),
    SIGN_IN_UNLOCKED("Sign-in pause lifted"),
    PREFERENCES_CHANGED("Department preferences changed"),
    SAMSARA_ENABLED("Samsara integration enabled"),
    SAMSARA_DISABLED("Samsara integration disabled"),
    SAMSARA_SETTINGS_CHANGED("Samsara settings changed"),
    SAMSARA_TOKEN_SAVED("Samsara token saved"),
    SAMSARA_TOKEN_REPLACED("Samsara token replaced"),
    SAMSARA_TOKEN_REMOVED("Samsara token removed"),
    SAMSARA_ORGANISATION_CHANGED("Samsara organisation changed"),
    SAMSARA_TEST_FAILED("Samsara connection test failed"),
    SAMSARA_OAUTH_CONNECTED("Connected with Samsara (OAuth)"),
    SAMSARA_OAUTH_DISCONNECTED("Disconnected from Samsara (OAuth)"),
    SAMSARA_OAUTH_RECONNECT_NEEDED("Samsara connection needs reconnecting"),
    SAMSARA_LINKED("Samsara ID linked"),
    SAMSARA_UNLINKED("Samsara ID unlinked"),
    SAMSARA_LINK_CONFIRMED("Samsara link confirmed after review"),
    SAMSARA_BULK_UNLINKED("Samsara IDs unlinked in bulk"),
    SAMSARA_BULK_LINKED("Samsara IDs linked in bulk by VIN"),
    APPARATUS_IMPORTED("Apparatus imported from CSV"),
    APPARATUS_DELETED("Apparatus deleted"),
    APPARATUS_CHANGED("Apparatus changed"),
    APPARATUS_BULK_CHANGED("Apparatus changed in bulk"),
    APPARATUS_BULK_UNDONE("Bulk change undone"),
    SYNC_REQUESTED("Sync started by hand"),
    SYNC_INTERVAL_CHANGED("Sync interval changed"),
    METER_BASELINE_ACCEPTED("Meter reading accepted as new baseline"),
    SAMSARA_CONNECTION_STATE_CHANGED("Samsara connection state changed"),
    DRIVER_LOGIN_TOKEN_ISSUED("Driver login token issued");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
