package com.rigsync.apparatus.ui;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.rigsync.base.ui.DisplayPreferences;

/** Engine hours as the grid shows them (distances and times follow the department's preferences instead). */
final class TelemetryFormats {

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
}
