package com.rigsync.integration;

/** How a department's Samsara connection stands, in the words the Settings and Sync screens use. */
public enum ConnectionHealth {
    /** No token or OAuth grant is saved. */
    NOT_CONNECTED("Not connected"),
    /** The last call with the saved token or grant worked. */
    OK("Working"),
    /** Saved while Samsara could not be reached; the first successful call clears it. */
    NOT_YET_VERIFIED("Not yet verified"),
    /** Samsara answered 401: the token was regenerated or revoked and must be replaced. */
    NEEDS_ATTENTION("Needs attention: Samsara rejected the token"),
    /** An OAuth grant could not be refreshed: someone must connect with Samsara again. */
    RECONNECT_NEEDED("Reconnect needed");

    private final String label;

    ConnectionHealth(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
