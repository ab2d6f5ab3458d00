package com.rigsync.sync;

/**
 * What a run did, so far or in the end.
 *
 * @param vehiclesListed   Samsara vehicles the token sees (after the department's tag filter)
 * @param apparatusLinked  apparatus with a Samsara ID when the run started
 * @param apparatusUpdated apparatus whose telemetry this run saved
 * @param readingsFlagged  new odometer or engine-hour readings kept but not used (lower, or implausible)
 * @param vehiclesGone     linked apparatus whose Samsara vehicle no longer exists
 */
public record SyncCounts(int vehiclesListed, int apparatusLinked, int apparatusUpdated, int readingsFlagged,
                         int vehiclesGone) {

    public static final SyncCounts NONE = new SyncCounts(0, 0, 0, 0, 0);
}
