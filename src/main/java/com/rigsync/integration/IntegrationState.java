package com.rigsync.integration;

/**
 * A department's Samsara integration in one word, as Client Success and the department's members see it (never its
 * data or its token).
 */
public enum IntegrationState {
    NOT_ENTITLED("Not entitled"),
    OFF("Off"),
    NOT_CONNECTED("Not connected"),
    WORKING("Working"),
    NOT_YET_VERIFIED("Not yet verified"),
    NEEDS_ATTENTION("Needs attention"),
    RECONNECT_NEEDED("Reconnect needed");

    private final String label;

    IntegrationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Scheduled syncs wait for a person to fix the connection. */
    public boolean paused() {
        return this == NEEDS_ATTENTION || this == RECONNECT_NEEDED;
    }

    static IntegrationState of(boolean entitled, SamsaraConnection connection) {
        if (!entitled) {
            return NOT_ENTITLED;
        }
        if (connection == null || !connection.isEnabled()) {
            return OFF;
        }
        if (!connection.hasSecret()) {
            return NOT_CONNECTED;
        }
        return switch (connection.getHealth()) {
            case OK -> WORKING;
            case NOT_YET_VERIFIED -> NOT_YET_VERIFIED;
            case NEEDS_ATTENTION -> NEEDS_ATTENTION;
            case RECONNECT_NEEDED -> RECONNECT_NEEDED;
            case NOT_CONNECTED -> NOT_CONNECTED;
        };
    }
}
