package com.rigsync.apparatus.ui;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import com.rigsync.apparatus.MeterChartData;
import com.rigsync.apparatus.MeterKind;
import com.rigsync.apparatus.MeterRange;
import com.rigsync.apparatus.MeterReadingEntry;
import com.rigsync.apparatus.MeterReadings;
import com.rigsync.apparatus.MeterUse;
import com.rigsync.base.ui.Confirmation;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.base.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.function.SerializableRunnable;

/**
 * The apparatus page's "Meter history": how far the odometer and engine hours went in the last 30 days, a chart of
 * both over a chosen range (drawn on the server from downsampled readings, see {@link MeterChart}), and the readings
 * of one meter page by page, newest first, with "Accept as baseline" on flagged ones for editors.
 */
final class MeterHistorySection extends Div {

    private final transient MeterReadings meterReadings;
    private final transient DisplayPreferences display;
    private final long apparatusId;
    private final boolean editable;
    private final SerializableRunnable reload;
    private final Div chart = new Div();
    private final RadioButtonGroup<MeterRange> range = new RadioButtonGroup<>("Range");
    private final RadioButtonGroup<MeterKind> meter = new RadioButtonGroup<>("Meter");
    private final Checkbox flaggedOnly = new Checkbox("Flagged only");
    private final Grid<MeterReadingEntry> readings = new Grid<>();

    /** @param reload reloads the whole page after a reading was accepted (the current values may change) */
    MeterHistorySection(MeterReadings meterReadings, long apparatusId, boolean editable, DisplayPreferences display,
                        SerializableRunnable reload) {
        this.meterReadings = meterReadings;
        this.apparatusId = apparatusId;
        this.editable = editable;
        this.display = display;
        this.reload = reload;
        setId("apparatus-meters");
        addClassName("apparatus-section");
        add(new H3("Meter history"), usedInLast30Days());

        range.setItems(MeterRange.values());
        range.setItemLabelGenerator(MeterRange::label);
        range.setValue(MeterRange.LAST_30_DAYS);
        range.addValueChangeListener(e -> showChart());
        chart.setId("meter-chart");
        chart.addClassName("meter-chart");
        add(range, chart);
        showChart();

        meter.setItems(MeterKind.values());
        meter.setItemLabelGenerator(MeterKind::label);
        meter.setValue(MeterKind.ODOMETER);
        meter.addValueChangeListener(e -> showReadings());
        flaggedOnly.addValueChangeListener(e -> showReadings());
        HorizontalLayout choices = new HorizontalLayout(meter, flaggedOnly);
        choices.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H4("Readings"), choices, readingsGrid());
        showReadings();
    }

    private Div usedInLast30Days() {
        Div used = new Div();
        used.setId("apparatus-used");
        used.addClassName("meter-use");
        used.add(new Span("Used in the last 30 days: "));
        for (MeterUse use : meterReadings.usedInLast30Days(apparatusId)) {
            boolean odometer = use.kind() == MeterKind.ODOMETER;
            String amount = odometer
                    ? use.used() == null ? "distance: not enough readings" : display.distance(use.used().doubleValue())
                    : use.used() == null ? "engine hours: not enough readings"
                    : String.format(Locale.US, "%,.1f engine hours", use.used() / 3600.0);
            Span part = new Span(amount);
            part.setId(odometer ? "apparatus-used-distance" : "apparatus-used-engine-hours");
            used.add(part);
        }
        return used;
    }

    private void showChart() {
        chart.removeAll();
        MeterChartData data = meterReadings.chart(apparatusId, range.getValue());
        if (data.isEmpty()) {
            chart.add(new Paragraph(range.getValue() == MeterRange.ALL ? "No odometer or engine-hour readings yet."
                    : "No odometer or engine-hour readings in this range."));
            return;
        }
        Svg svg = new Svg(MeterChart.svg(data, display));
        svg.addClassName("meter-chart-image");
        svg.getElement().setAttribute("role", "img");
        svg.getElement().setAttribute("aria-label", "Odometer and engine hours over " + range.getValue().label()
                .toLowerCase(Locale.ROOT));
        chart.add(svg, caption(data));
    }

    private static Paragraph caption(MeterChartData data) {
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.US);
        StringBuilder text = new StringBuilder("Drawn from ");
        List<MeterChartData.Series> series = data.series();
        for (int i = 0; i < series.size(); i++) {
            MeterChartData.Series s = series.get(i);
            text.append(i == 0 ? "" : " and ").append(count.format(s.readings())).append(' ')
                    .append(s.kind() == MeterKind.ODOMETER ? "odometer" : "engine-hour").append(" readings");
        }
        long flagged = series.stream().mapToLong(s -> s.flagged().size()).sum();
        text.append(flagged == 0 ? "; none flagged." : "; flagged readings (kept but not used) are red dots, on the "
                + "scale's edge when far off it.");
        Paragraph caption = new Paragraph(text.toString());
        caption.addClassName("meter-chart-caption");
        return caption;
    }

    private Grid<MeterReadingEntry> readingsGrid() {
        readings.setId("meter-readings");
        readings.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        readings.addColumn(r -> display.dateTime(r.readAt())).setHeader("Read").setAutoWidth(true).setFlexGrow(0);
        readings.addColumn(this::value).setHeader("Reading").setAutoWidth(true).setFlexGrow(0);
        readings.addColumn(r -> display.dateTime(r.syncedAt())).setHeader("Synced").setAutoWidth(true)
                .setFlexGrow(0);
        readings.addColumn(MeterHistorySection::flag).setHeader("Flag").setFlexGrow(1);
        if (editable) {
            readings.addComponentColumn(this::acceptButton).setKey("accept").setAutoWidth(true).setFlexGrow(0);
        }
        readings.setHeight("24rem");
        return readings;
    }

    private void showReadings() {
        MeterKind kind = meter.getValue();
        boolean flagged = flaggedOnly.getValue();
        readings.setItems(query -> meterReadings.readings(apparatusId, kind, flagged, query.getOffset(),
                query.getLimit()).stream(), query -> meterReadings.countReadings(apparatusId, kind, flagged));
    }

    private String value(MeterReadingEntry r) {
        return r.kind() == MeterKind.ODOMETER ? display.distance((double) r.value())
                : TelemetryFormats.engineHoursExact(r.value());
    }

    private static String flag(MeterReadingEntry r) {
        return switch (r.flag()) {
            case NONE -> "";
            case ACCEPTED_AS_BASELINE -> r.flag().label() + (r.acceptedBy() == null ? "" : " by " + r.acceptedBy());
            default -> r.reason() == null ? r.flag().label() : r.flag().label() + ": " + r.reason();
        };
    }

    private Component acceptButton(MeterReadingEntry reading) {
        if (!reading.waiting()) {
            return new Span();
        }
        Button accept = new Button("Accept as baseline", e -> confirmBaseline(reading));
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return accept;
    }

    private void confirmBaseline(MeterReadingEntry reading) {
        String what = "the " + reading.kind().label().toLowerCase(Locale.ROOT) + " reading of " + value(reading);
        Confirmation.ask("Accept as the new baseline?", "Accept " + what + " (read "
                        + display.dateTime(reading.readAt()) + ") as the new baseline? Later readings are compared "
                        + "with it, and it becomes the current value unless a newer reading exists. Do this after a "
                        + "gateway or engine-computer swap. The audit log records who accepted it.",
                "Accept as baseline", () -> {
                    try {
                        meterReadings.acceptAsBaseline(reading.readingId());
                        Notifications.success(Character.toUpperCase(what.charAt(0)) + what.substring(1)
                                + " is the new baseline.");
                    } catch (IllegalArgumentException e) {
                        Notifications.error(e.getMessage());
                    }
                    reload.run();
                });
    }
}
