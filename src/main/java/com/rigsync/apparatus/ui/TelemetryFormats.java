package com.rigsync.apparatus.ui;

import java.text.NumberFormat;
import java.util.Locale;

/** Engine hours as the grid shows them (distances and times follow the department's preferences instead). */
final class TelemetryFormats {

    private TelemetryFormats() {
    }

    static String engineHours(Long seconds) {
        return seconds == null ? "" : NumberFormat.getIntegerInstance(Locale.US)
                .format(Math.round(seconds / 3600.0)) + " h";
    }
}
