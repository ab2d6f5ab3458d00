package com.rigsync.base.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.rigsync.base.DistanceUnit;

/** How dates and times read on screen. */
public final class DisplayFormats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
            FormatStyle.SHORT).withLocale(Locale.US);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(Locale.US);

    private DisplayFormats() {
    }

    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    public static String date(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    /** A distance in whole units with thousands separators: 19,867,545 m reads "12,345 mi" or "19,868 km". */
    public static String distance(Double metres, DistanceUnit unit) {
        if (metres == null) {
            return "";
        }
        return String.format(Locale.US, "%,d %s", Math.round(unit.fromMetres(metres)), unit.symbol());
    }
}
