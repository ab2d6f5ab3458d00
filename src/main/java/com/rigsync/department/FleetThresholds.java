package com.rigsync.department;

/**
 * When the fleet overview counts an apparatus as not reporting and as low on fuel: a department's preferences.
 *
 * @param notReportingHours no reading from Samsara for this many hours (1 to 720, a month)
 * @param lowFuelPercent    fuel below this percentage (1 to 99)
 */
public record FleetThresholds(int notReportingHours, int lowFuelPercent) {

    /** What a department starts with. */
    public static final FleetThresholds DEFAULT = new FleetThresholds(24, 25);

    public static final int MAX_NOT_REPORTING_HOURS = 720;

    /** Refuses values the overview could not use, in the words of the Preferences screen. */
    public FleetThresholds {
        if (notReportingHours < 1 || notReportingHours > MAX_NOT_REPORTING_HOURS) {
            throw new IllegalArgumentException("Choose after how many hours without a reading an apparatus counts "
                    + "as not reporting: from 1 to " + MAX_NOT_REPORTING_HOURS + " (a month).");
        }
        if (lowFuelPercent < 1 || lowFuelPercent > 99) {
            throw new IllegalArgumentException("Choose below which fuel level an apparatus counts as low on fuel: "
                    + "from 1 to 99 %.");
        }
    }
}
