package com.rigsync.apparatus.ui;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.rigsync.base.ui.DisplayPreferences;

/**
 * Engine hours and reading times as the grid and the apparatus page show them (distances and times follow the
 * department's preferences instead).
 */
final class TelemetryFormats {

    /** A reading this far ahead of the server's clock is clock skew, not "from the future". */
    private static final Duration FUTURE_SLACK = Duration.ofMinutes(5);

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
        if (readAt == null) {
            return "";
        }
        String at = display.dateTime(readAt);
        Duration age = Duration.between(readAt, now);
        if (age.toHours() < 1) {
            return at;
        }
        long days = age.toDays();
        String ago = days >= 1 ? days + (days == 1 ? " day" : " days") : age.toHours() + (age.toHours() == 1
                ? " hour" : " hours");
        return at + " · " + ago + " ago";
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
