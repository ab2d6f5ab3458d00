package com.rigsync.apparatus.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.rigsync.apparatus.SyncedValues;
import com.rigsync.base.ui.DisplayPreferences;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * The apparatus page's "Synced from Samsara": odometer, engine hours, location, fuel and engine state, each with the
 * time Samsara took it and its age; an age past the department's "not reporting" threshold stands out, and a time
 * ahead of the clock says so. A value Samsara never sent says that in a sentence.
 */
final class SyncedValuesSection extends Div {

    private final transient DisplayPreferences display;
    private final Instant now;
    private final Duration notReportingAfter;

    SyncedValuesSection(SyncedValues values, boolean linked, DisplayPreferences display, Instant now) {
        this.display = display;
        this.now = now;
        this.notReportingAfter = values.notReportingAfter();
        setId("apparatus-synced");
        addClassName("apparatus-section");
        add(new H3("Synced from Samsara"));
        if (!values.everSynced()) {
            add(sentence("apparatus-not-synced", linked ? "Linked to Samsara, but not synced yet: its values appear "
                    + "after the next sync." : "Not linked to Samsara: nothing syncs for it yet."));
            return;
        }
        if (!linked) {
            add(sentence("apparatus-no-longer-linked", "Not linked to Samsara any more: these values are from when "
                    + "it was, and nothing syncs for it now."));
        }
        Div readings = new Div();
        readings.addClassName("readings");
        readings.add(reading("apparatus-odometer", "Odometer", values.odometerMeters() == null ? null
                : text(display.distance(values.odometerMeters().doubleValue())), values.odometerReadAt(),
                "Samsara has sent no odometer reading for it."));
        readings.add(reading("apparatus-engine-hours", "Engine hours", values.engineSeconds() == null ? null
                : text(TelemetryFormats.engineHoursExact(values.engineSeconds())), values.engineReadAt(),
                "Samsara has sent no engine hours for it."));
        readings.add(location(values.location()));
        readings.add(reading("apparatus-fuel", "Fuel", values.fuelPercent() == null ? null
                : text(String.format(Locale.US, "%.0f %%", values.fuelPercent())), values.fuelReadAt(),
                "Samsara has sent no fuel level for it."));
        readings.add(reading("apparatus-engine-state", "Engine state", values.engineState() == null ? null
                : text(values.engineState()), values.engineStateReadAt(), "Samsara has sent no engine state for it."));
        add(readings);
    }

    private Div location(SyncedValues.Location location) {
        if (location == null) {
            return reading("apparatus-location", "Location", null, null, "Samsara has sent no location for it.");
        }
        String coordinates = String.format(Locale.ROOT, "%.5f, %.5f", location.latitude(), location.longitude());
        Span address = text(location.address() == null ? "No address came with these coordinates."
                : location.address());
        address.addClassName(location.address() == null ? "reading-missing" : "reading-address");
        Span where = text(coordinates);
        where.addClassName("reading-coordinates");
        Anchor map = new Anchor(mapAddress(location.latitude(), location.longitude()), "Open in map");
        map.setTarget(AnchorTarget.BLANK);
        map.getElement().setAttribute("rel", "noopener noreferrer");
        map.setId("apparatus-map-link");
        Div value = new Div(address, where, map);
        value.addClassName("reading-location");
        return reading("apparatus-location", "Location", value, location.readAt(), null);
    }

    /** OpenStreetMap at the coordinates, with a marker, opened in the person's own browser. */
    static String mapAddress(double latitude, double longitude) {
        String lat = String.format(Locale.ROOT, "%.6f", latitude);
        String lon = String.format(Locale.ROOT, "%.6f", longitude);
        return "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=16/" + lat + "/" + lon;
    }

    /** A value with its label and when Samsara took it; {@code missing} is said when there is no value. */
    private Div reading(String id, String label, Component value, Instant readAt, String missing) {
        Div reading = new Div();
        reading.setId(id);
        reading.addClassName("reading");
        Span name = new Span(label);
        name.addClassName("reading-label");
        reading.add(name);
        if (value == null) {
            Span none = new Span(missing);
            none.addClassName("reading-missing");
            reading.add(none);
            return reading;
        }
        value.addClassName("reading-value");
        reading.add(value);
        reading.add(readTime(readAt, display, now, notReportingAfter));
        return reading;
    }

    /** "Read Mar 2, 2026, 8:00 PM · 3 days ago", the age marked when it is past the not-reporting threshold. */
    static Div readTime(Instant readAt, DisplayPreferences display, Instant now, Duration notReportingAfter) {
        Div time = new Div();
        time.addClassName("reading-time");
        if (readAt == null) {
            time.add("Samsara sent no time for it");
            return time;
        }
        Span age = new Span(TelemetryFormats.age(readAt, now));
        age.addClassName("reading-age");
        if (TelemetryFormats.fromTheFuture(readAt, now)) {
            age.addClassName("future");
        } else if (Duration.between(readAt, now).compareTo(notReportingAfter) > 0) {
            age.addClassName("stale");
        }
        time.add(new Span("Read " + display.dateTime(readAt) + " · "), age);
        return time;
    }

    private static Span text(String text) {
        return new Span(text);
    }

    private static Paragraph sentence(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        return p;
    }
}
