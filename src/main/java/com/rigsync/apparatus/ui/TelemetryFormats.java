package com.rigsync.apparatus.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.rigsync.base.ui.DisplayPreferences;

/**
 * Synced values as the grid and the apparatus page show them: engine hours, fuel, faults, location, reading times and
 * their age (distances and times follow the department's preferences instead). A value Samsara never sent reads as
 * nothing, never "null".
 */
final class TelemetryFormats {

    /** A reading this far ahead of the server's clock is clock skew, not "from the future". */
    private static final Duration FUTURE_SLACK = Duration.ofMinutes(5);
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MMM d, h:mm a", Locale.US);

    private TelemetryFormats() {
    }

    static String engineHours(Long seconds) {
        return seconds == null ? "" : NumberFormat.getIntegerInstance(Locale.US)
                .format(Math.round(seconds / 3600.0)) + " h";
    }

    /**
     * When the vehicle took its last reading, with its age once it is over an hour old, so a vehicle that has not
     * reported for days stands out however recently the sync ran: "Mar 2, 2026, 8:00 PM · 3 days ago".
     */
    static String readingTime(Instant readAt, DisplayPreferences display, Instant now) {
        return readAt == null ? "" : withAge(display.dateTime(readAt), readAt, now);
    }

    /**
     * As {@link #readingTime}, without the year when it is this year in the department's time zone, for the grid's
     * narrow column: "Mar 2, 8:00 PM · 3 days ago".
     */
    static String shortReadingTime(Instant readAt, DisplayPreferences display, Instant now) {
        if (readAt == null) {
            return "";
        }
        ZonedDateTime at = readAt.atZone(display.zone());
        if (at.getYear() != now.atZone(display.zone()).getYear()) {
            return readingTime(readAt, display, now);
        }
        return withAge(THIS_YEAR.format(at), readAt, now);
    }

    private static String withAge(String at, Instant readAt, Instant now) {
        Duration age = Duration.between(readAt, now);
        return age.toHours() < 1 ? at : at + " · " + amount(age) + " ago";
    }

    /** "62 %", rounded to the whole percent. */
    static String fuel(BigDecimal percent) {
        return percent == null ? "" : percent.setScale(0, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /**
     * How many fault codes are active and the warning lamps that are on: "2 · Check engine (MIL)", "1", "None";
     * nothing when the faults were never read.
     */
    static String faults(Integer activeCount, String warningLamps) {
        if (activeCount == null && warningLamps == null) {
            return "";
        }
        String count = activeCount == null || activeCount == 0 ? "None" : activeCount.toString();
        return warningLamps == null ? count : count + " · " + warningLamps;
    }

    /** The address Samsara gave for the coordinates, else the coordinates: "41.87811, -87.62980". */
    static String location(String address, Double latitude, Double longitude) {
        if (address != null && !address.isBlank()) {
            return address;
        }
        if (latitude == null || longitude == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%.5f, %.5f", latitude, longitude);
    }

    /**
     * How old a reading is, in words: "just now", "20 minutes ago", "5 hours ago", "3 days ago". A reading from more
     * than a few minutes ahead of the server's clock says so plainly rather than "in -2 hours".
     */
    static String age(Instant readAt, Instant now) {
        Duration age = Duration.between(readAt, now);
        if (age.compareTo(FUTURE_SLACK.negated()) < 0) {
            return "taken in the future (" + amount(age.negated()) + " ahead of now): the vehicle's clock may be "
                    + "wrong";
        }
        if (age.toMinutes() < 1) {
            return "just now";
        }
        return amount(age) + " ago";
    }

    /** Whether a reading's time lies ahead of the server's clock by more than a few minutes. */
    static boolean fromTheFuture(Instant readAt, Instant now) {
        return Duration.between(readAt, now).compareTo(FUTURE_SLACK.negated()) < 0;
    }

    /** Engine hours with a tenth, as the apparatus page and its meter table show them: "1,234.5 h". */
    static String engineHoursExact(Long seconds) {
        return seconds == null ? "" : String.format(Locale.US, "%,.1f h", seconds / 3600.0);
    }

    private static String amount(Duration duration) {
        if (duration.toDays() >= 1) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toHours() >= 1) {
            return plural(duration.toHours(), "hour");
        }
        return plural(Math.max(1, duration.toMinutes()), "minute");
    }

    private static String plural(long n, String unit) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n) + " " + unit + (n == 1 ? "" : "s");
    }
}
