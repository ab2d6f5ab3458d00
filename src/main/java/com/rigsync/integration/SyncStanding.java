package com.rigsync.integration;

/**
 * Whether a department's sync may run, as the scheduler sees it.
 *
 * @param connected       entitled, integration enabled, a token or grant saved, and a known region
 * @param health          how the connection stands; scheduled runs pause while it needs attention or a reconnect
 * @param intervalMinutes how often scheduled runs come
 */
public record SyncStanding(long departmentId, boolean connected, ConnectionHealth health, int intervalMinutes) {

    /** Scheduled runs wait for a person: the token was rejected, or the OAuth grant could not be refreshed. */
    public boolean paused() {
        return health == ConnectionHealth.NEEDS_ATTENTION || health == ConnectionHealth.RECONNECT_NEEDED;
    }

    /** A scheduled run may start now. */
    public boolean due() {
        return connected && !paused();
    }

    /** Why scheduled runs are paused, in the words of the Sync tab, or null. */
    public String pausedReason() {
        return switch (health) {
            case NEEDS_ATTENTION -> "Samsara rejected the saved token. Scheduled syncs are paused until an "
                    + "administrator or data manager saves a new token under Setup > Settings.";
            case RECONNECT_NEEDED -> "The connection with Samsara has lapsed. Scheduled syncs are paused until "
                    + "someone connects with Samsara again under Setup > Settings.";
            default -> null;
        };
    }
}
