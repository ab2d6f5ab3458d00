package com.rigsync.sync.ui;

import java.util.List;
import java.util.Locale;

import com.rigsync.apparatus.FlaggedReading;
import com.rigsync.apparatus.MeterKind;
import com.rigsync.apparatus.MeterReadings;
import com.rigsync.apparatus.ui.ApparatusPageView;
import com.rigsync.base.ui.Confirmation;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.base.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import static com.rigsync.sync.ui.PanelParts.paragraph;

/**
 * The panel's "Flagged meter readings": readings a sync kept but did not use, each with "Accept as baseline" (after
 * a gateway or engine-computer swap), asked first and audited.
 */
final class FlaggedReadingsSection extends VerticalLayout {

    private final transient MeterReadings meterReadings;
    private final transient DisplayPreferences display;
    private final transient Runnable reload;

    /** @param reload reloads the whole panel after a reading was accepted (or refused) */
    FlaggedReadingsSection(List<FlaggedReading> readings, MeterReadings meterReadings, DisplayPreferences display,
                           Runnable reload) {
        this.meterReadings = meterReadings;
        this.display = display;
        this.reload = reload;
        setPadding(false);
        setSpacing(false);
        add(new H3("Flagged meter readings"));
        if (readings.isEmpty()) {
            add(paragraph("sync-flagged-readings", "No odometer or engine-hour reading is waiting for a decision."));
            return;
        }
        add(paragraph("sync-flagged-readings", readings.size() + (readings.size() == 1 ? " reading was"
                : " readings were") + " kept but not used, because they went backwards or imply implausible use. "
                + "After a gateway or engine-computer swap, accept the new reading as the baseline."));
        Grid<FlaggedReading> grid = new Grid<>();
        grid.setId("sync-flagged-readings-grid");
        grid.addComponentColumn(r -> ApparatusPageView.link(r.unitName(), r.apparatusId())).setHeader("Unit")
                .setKey("unit").setAutoWidth(true);
        grid.addColumn(r -> r.kind().label()).setHeader("Meter").setAutoWidth(true);
        grid.addColumn(r -> meter(r.kind(), r.value())).setHeader("Reading").setAutoWidth(true);
        grid.addColumn(r -> display.dateTime(r.readAt())).setHeader("Read").setAutoWidth(true);
        grid.addColumn(r -> meter(r.kind(), r.comparedValue())).setHeader("Previous reading").setAutoWidth(true);
        grid.addColumn(r -> r.reason() == null ? r.flag().label() : r.reason()).setHeader("Why it was not used")
                .setFlexGrow(3);
        grid.addComponentColumn(r -> {
            Button accept = new Button("Accept as baseline", e -> confirmBaseline(r));
            accept.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return accept;
        }).setKey("accept").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(readings);
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private void confirmBaseline(FlaggedReading reading) {
        String what = reading.unitName() + "'s " + reading.kind().label().toLowerCase() + " reading of "
                + meter(reading.kind(), reading.value());
        Confirmation.ask("Accept as the new baseline?", "Accept " + what + " (read "
                        + display.dateTime(reading.readAt()) + ") as the new baseline? Later readings are compared "
                        + "with it, and it becomes the current value unless a newer reading exists. Do this after a "
                        + "gateway or engine-computer swap. The audit log records who accepted it.",
                "Accept as baseline", () -> acceptBaseline(reading, what));
    }

    private void acceptBaseline(FlaggedReading reading, String what) {
        try {
            meterReadings.acceptAsBaseline(reading.readingId());
            Notifications.success(what + " is the new baseline.");
        } catch (IllegalArgumentException e) {
            Notifications.error(e.getMessage());
        }
        reload.run();
    }

    private String meter(MeterKind kind, Long value) {
        if (value == null) {
            return "";
        }
        return kind == MeterKind.ODOMETER ? display.distance(value.doubleValue())
                : String.format(Locale.US, "%,.1f h", value / 3600.0);
    }
}
