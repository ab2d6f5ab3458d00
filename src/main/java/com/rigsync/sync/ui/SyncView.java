package com.rigsync.sync.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rigsync.apparatus.ApparatusLinks;
import com.rigsync.apparatus.FlaggedReading;
import com.rigsync.apparatus.LinkFlag;
import com.rigsync.apparatus.MeterKind;
import com.rigsync.apparatus.MeterReadings;
import com.rigsync.apparatus.ui.ApparatusView;
import com.rigsync.base.ui.Confirmation;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.base.ui.Notifications;
import com.rigsync.integration.ui.SettingsView;
import com.rigsync.security.Role;
import com.rigsync.sync.SyncCounts;
import com.rigsync.sync.SyncNowOutcome;
import com.rigsync.sync.SyncOutcome;
import com.rigsync.sync.SyncOverview;
import com.rigsync.sync.SyncPanel;
import com.rigsync.sync.SyncProgress;
import com.rigsync.sync.SyncProgressFeed;
import com.rigsync.sync.SyncRunSummary;
import com.rigsync.sync.SyncSchedule;
import com.rigsync.sync.SyncService;
import com.rigsync.sync.SyncTrigger;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

/**
 * Assets > Setup > Sync, the sync status panel: how the connection stands, when the data was last brought up to
 * date and will be next, the running sync live (pushed from the run's progress events), "Sync now", the interval,
 * what still needs linking, and the run history.
 */
@Route("setup/sync")
@PageTitle("Sync | RigSync")
@Menu(title = "Setup > Sync", order = 3, icon = "vaadin:refresh")
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.DATA_MANAGER_NAME})
public class SyncView extends VerticalLayout {

    /** How many apparatus or vehicles a list names before it says "and N more". */
    private static final int LISTED = 50;

    private final transient SyncOverview overview;
    private final transient SyncService sync;
    private final transient MeterReadings meterReadings;
    private final transient SyncProgressFeed feed;
    private final transient DepartmentDisplay preferences;
    private final transient Clock clock;
    private transient DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;
    private transient SyncProgressFeed.Subscription subscription;

    private final Div content = new Div();
    private final Div running = new Div();
    private final Paragraph runningText = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph runningCounts = new Paragraph();
    private final IntegerField interval = new IntegerField("Sync every (minutes)");
    private final Button syncNow = new Button("Sync now", VaadinIcon.REFRESH.create());
    private final Grid<SyncRunSummary> history = new Grid<>();
    /** The run whose last event has been shown; later events of it (arriving late) are old news. */
    private long finishedRunId = -1;

    SyncView(SyncOverview overview, SyncService sync, MeterReadings meterReadings, SyncProgressFeed feed,
             DepartmentDisplay preferences, Clock clock) {
        this.overview = overview;
        this.sync = sync;
        this.meterReadings = meterReadings;
        this.feed = feed;
        this.preferences = preferences;
        this.clock = clock;
        addClassName("view");
        setWidthFull();
        content.setWidthFull();
        add(new H2("Sync"), content);

        running.setId("sync-running");
        running.addClassName("note");
        runningText.setId("sync-running-text");
        runningCounts.setId("sync-running-counts");
        progress.setId("sync-progress");
        progress.getElement().setAttribute("aria-label", "Sync progress");
        running.add(runningText, progress, runningCounts);

        interval.setId("sync-interval");
        interval.setMin(SyncService.MIN_INTERVAL_MINUTES);
        interval.setMax(SyncService.MAX_INTERVAL_MINUTES);
        interval.setStepButtonsVisible(true);
        interval.setHelperText("From " + SyncService.MIN_INTERVAL_MINUTES + " minutes to "
                + SyncService.MAX_INTERVAL_MINUTES + " (a day)");

        syncNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        syncNow.addClickListener(e -> syncNow());

        history.setId("sync-history");
        history.addColumn(r -> display.dateTime(r.startedAt())).setHeader("Started").setAutoWidth(true);
        history.addColumn(SyncView::duration).setHeader("Duration").setAutoWidth(true);
        history.addColumn(SyncView::trigger).setHeader("Trigger").setAutoWidth(true);
        history.addColumn(r -> r.outcome().label()).setHeader("Outcome").setAutoWidth(true);
        history.addColumn(r -> r.counts().vehiclesListed()).setHeader("Vehicles listed").setAutoWidth(true);
        history.addColumn(r -> r.counts().apparatusUpdated()).setHeader("Apparatus updated").setAutoWidth(true);
        history.addColumn(r -> r.counts().readingsFlagged()).setHeader("Readings flagged").setAutoWidth(true);
        history.addColumn(r -> r.counts().vehiclesGone()).setHeader("Vehicles gone").setAutoWidth(true);
        history.addColumn(SyncRunSummary::apiCalls).setHeader("API calls").setAutoWidth(true);
        history.addColumn(r -> r.error() == null ? "" : r.error()).setHeader("What went wrong").setFlexGrow(3);
        history.addColumn(r -> r.runBy() == null ? "" : r.runBy()).setHeader("Instance").setAutoWidth(true);
        history.setAllRowsVisible(true);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        display = preferences.display();
        subscription = feed.subscribe(update -> ui.access(() -> showProgress(update)));
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
    }

    private void refresh() {
        show(overview.panel());
    }

    private void show(SyncPanel panel) {
        content.removeAll();
        if (!panel.entitled()) {
            content.add(note("sync-not-entitled", "paid", "The Samsara integration is a paid feature that is not "
                    + "included in your department's plan. To add it, contact your Client Success Manager."));
            return;
        }
        SyncSchedule schedule = panel.schedule();
        if (schedule.paused()) {
            Div paused = note("sync-paused", "paused", schedule.pausedReason());
            paused.add(settingsLink());
            content.add(paused);
        } else if (!panel.connected()) {
            Div off = note("sync-not-connected", null, panel.enabled()
                    ? "Samsara is not connected yet, so nothing syncs. Save a Samsara access token first."
                    : "The Samsara integration is switched off, so nothing syncs. Switch it on and save a Samsara "
                    + "access token first.");
            off.add(settingsLink());
            content.add(off);
        }
        content.add(status(panel), syncNowRow(panel), running);
        showRunning(schedule.running());
        content.add(apparatus(panel.apparatus()), flaggedReadings(panel.flaggedReadings()), new H3("Run history"));
        if (panel.history().isEmpty()) {
            content.add(paragraph("sync-history-empty", "No sync has run yet."));
        } else {
            history.setItems(panel.history());
            content.add(history);
        }
    }

    private Component status(SyncPanel panel) {
        VerticalLayout status = new VerticalLayout();
        status.setPadding(false);
        status.setSpacing(false);
        SyncSchedule schedule = panel.schedule();
        status.add(paragraph("sync-health", "Connection: " + panel.health().label()));
        if (panel.organisation() != null) {
            status.add(paragraph("sync-organisation", "Samsara organisation: " + panel.organisation()));
        }
        status.add(paragraph("sync-last-success", schedule.lastSuccess() == null
                ? "Last successful sync: never synced yet"
                : "Last successful sync: " + display.dateTime(finishedOrStarted(schedule.lastSuccess()))));
        String next;
        if (schedule.nextRunAt() != null && schedule.running() == null
                && !schedule.nextRunAt().isAfter(clock.instant())) {
            // a run that just ended moves its next time a moment after its last event
            next = "Next scheduled sync: in about " + schedule.intervalMinutes() + " minutes";
        } else if (schedule.nextRunAt() != null) {
            next = "Next scheduled sync: " + display.dateTime(schedule.nextRunAt());
        } else if (schedule.paused()) {
            next = "Next scheduled sync: none, scheduled syncs are paused";
        } else if (!panel.connected()) {
            next = "Next scheduled sync: none until Samsara is connected";
        } else {
            next = "Next scheduled sync: not scheduled yet";
        }
        status.add(paragraph("sync-next", next));

        interval.setValue(schedule.intervalMinutes());
        interval.setInvalid(false);
        Button save = new Button("Save interval", e -> saveInterval());
        HorizontalLayout intervalRow = new HorizontalLayout(interval, save);
        intervalRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        status.add(intervalRow);
        return status;
    }

    private Component syncNowRow(SyncPanel panel) {
        HorizontalLayout row = new HorizontalLayout(syncNow);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        syncNow.setEnabled(panel.maySyncNow());
        if (!panel.maySyncNow()) {
            row.add(paragraph("sync-now-unavailable", panel.schedule().paused()
                    ? "Sync now waits until the Samsara connection is fixed under Setup > Settings."
                    : "Sync now needs a Samsara connection: set it up under Setup > Settings."));
        }
        return row;
    }

    private Component apparatus(ApparatusLinks links) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setSpacing(false);
        section.add(new H3("Apparatus and Samsara vehicles"));
        section.add(paragraph("sync-linked", links.linked() + " of " + links.apparatus()
                + " apparatus linked to Samsara, " + links.synced() + " of them synced"));

        section.add(paragraph("sync-without-id", links.withoutSamsaraId().isEmpty()
                ? "Every apparatus has a Samsara ID."
                : links.withoutSamsaraId().size() + " apparatus without a Samsara ID. Every apparatus needs one "
                + "to stay current; open each to find its Samsara ID by VIN:"));
        if (!links.withoutSamsaraId().isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.setId("sync-without-id-list");
            for (ApparatusLinks.UnlinkedApparatus apparatus : links.withoutSamsaraId().stream().limit(LISTED)
                    .toList()) {
                RouterLink link = new RouterLink(apparatus.unitName(), ApparatusView.class);
                link.setQueryParameters(QueryParameters.of(ApparatusView.EDIT_PARAMETER,
                        String.valueOf(apparatus.id())));
                list.add(new ListItem(link));
            }
            section.add(list);
            if (links.withoutSamsaraId().size() > LISTED) {
                section.add(paragraph("sync-without-id-more", "…and " + (links.withoutSamsaraId().size() - LISTED)
                        + " more: tick \"Not linked to Samsara\" on the Apparatus screen to see them all."));
            }
        }

        List<String> vehicles = links.vehiclesWithoutApparatus();
        section.add(paragraph("sync-vehicles-unlinked", vehicles.isEmpty()
                ? "Every Samsara vehicle RigSync knows of is linked to an apparatus."
                : vehicles.size() + " Samsara " + (vehicles.size() == 1 ? "vehicle" : "vehicles")
                + " linked to no apparatus: " + String.join(", ", vehicles.stream().limit(LISTED).toList())
                + (vehicles.size() > LISTED ? " and " + (vehicles.size() - LISTED) + " more" : "")));

        Map<LinkFlag, List<String>> flagged = links.flaggedLinks();
        section.add(paragraph("sync-flagged-links", flagged.isEmpty() ? "No links are flagged for review."
                : links.flaggedLinkCount() + " flagged " + (links.flaggedLinkCount() == 1 ? "link" : "links")
                + " to review on the Apparatus screen:"));
        if (!flagged.isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.setId("sync-flagged-links-list");
            flagged.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> list.add(new ListItem(
                    e.getKey().label() + ": " + e.getValue().size() + " (" + String.join(", ", e.getValue()) + ")")));
            section.add(list);
        }
        return section;
    }

    private Component flaggedReadings(List<FlaggedReading> readings) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setSpacing(false);
        section.add(new H3("Flagged meter readings"));
        if (readings.isEmpty()) {
            section.add(paragraph("sync-flagged-readings", "No odometer or engine-hour reading is waiting for a "
                    + "decision."));
            return section;
        }
        section.add(paragraph("sync-flagged-readings", readings.size() + (readings.size() == 1 ? " reading was"
                : " readings were") + " kept but not used, because they went backwards or imply implausible use. "
                + "After a gateway or engine-computer swap, accept the new reading as the baseline."));
        Grid<FlaggedReading> grid = new Grid<>();
        grid.setId("sync-flagged-readings-grid");
        grid.addColumn(FlaggedReading::unitName).setHeader("Unit").setAutoWidth(true);
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
        section.add(grid);
        return section;
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
        refresh();
    }

    private String meter(MeterKind kind, Long value) {
        if (value == null) {
            return "";
        }
        return kind == MeterKind.ODOMETER ? display.distance(value.doubleValue())
                : String.format(Locale.US, "%,.1f h", value / 3600.0);
    }

    private void showRunning(SyncRunSummary run) {
        running.setVisible(run != null);
        if (run != null) {
            runningText.setText(runningLabel(run.trigger(), run.requestedBy()) + " since "
                    + display.dateTime(run.startedAt()));
            progress.setIndeterminate(true);
            runningCounts.setText(counts(run.counts(), run.apiCalls()));
        }
    }

    /** A progress event pushed from the run (already on the UI, through ui.access). */
    private void showProgress(SyncProgress update) {
        if (update.runId() == finishedRunId) {
            return;
        }
        if (update.finished()) {
            finishedRunId = update.runId();
            refresh();
            String message = "Sync finished: " + (update.outcome() == null ? "done" : update.outcome().label());
            if (update.outcome() == SyncOutcome.SUCCEEDED) {
                Notifications.success(message);
            } else {
                Notifications.error(message + ". The run history says what went wrong.");
            }
            return;
        }
        running.setVisible(true);
        runningText.setText(runningLabel(update.trigger(), null) + ": " + update.phase());
        double fraction = update.fraction();
        progress.setIndeterminate(fraction < 0);
        if (fraction >= 0) {
            progress.setValue(fraction);
        }
        runningCounts.setText(counts(update.counts(), update.apiCalls()));
    }

    private void syncNow() {
        SyncNowOutcome outcome = sync.syncNow();
        switch (outcome) {
            case STARTED, JOINED_RUNNING -> Notifications.success(outcome.message());
            case NOT_CONNECTED, PAUSED -> Notifications.error(outcome.message());
        }
        refresh();
    }

    private void saveInterval() {
        Integer minutes = interval.getValue();
        if (minutes == null || minutes < SyncService.MIN_INTERVAL_MINUTES
                || minutes > SyncService.MAX_INTERVAL_MINUTES) {
            interval.setErrorMessage("Choose how often to sync: from " + SyncService.MIN_INTERVAL_MINUTES
                    + " minutes to " + SyncService.MAX_INTERVAL_MINUTES + " minutes (once a day).");
            interval.setInvalid(true);
            return;
        }
        try {
            sync.changeInterval(minutes);
            Notifications.success("Scheduled syncs now run every " + minutes + " minutes.");
            refresh();
        } catch (IllegalArgumentException | IllegalStateException e) {
            interval.setErrorMessage(e.getMessage());
            interval.setInvalid(true);
        }
    }

    private static RouterLink settingsLink() {
        RouterLink link = new RouterLink("Open Setup > Settings", SettingsView.class);
        link.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
        return link;
    }

    private static Div note(String id, String kind, String text) {
        Div note = new Div(new Span(text));
        note.setId(id);
        note.addClassName("note");
        if (kind != null) {
            note.addClassName(kind);
        }
        return note;
    }

    private static Paragraph paragraph(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId(id);
        return paragraph;
    }

    private static String counts(SyncCounts counts, long apiCalls) {
        return counts.vehiclesListed() + " Samsara vehicles listed · " + counts.apparatusLinked()
                + " apparatus linked · " + counts.apparatusUpdated() + " updated · " + counts.readingsFlagged()
                + " readings flagged · " + counts.vehiclesGone() + " vehicles gone · " + apiCalls + " API calls";
    }

    private static String runningLabel(SyncTrigger trigger, String requestedBy) {
        return trigger == SyncTrigger.MANUAL
                ? "Sync now" + (requestedBy == null ? "" : " by " + requestedBy) + " running"
                : "Scheduled sync running";
    }

    private static String trigger(SyncRunSummary run) {
        return run.trigger() == SyncTrigger.MANUAL && run.requestedBy() != null
                ? run.trigger().label() + " by " + run.requestedBy() : run.trigger().label();
    }

    private static String duration(SyncRunSummary run) {
        return run.duration().map(SyncView::words).orElse(run.outcome() == SyncOutcome.RUNNING ? "running" : "");
    }

    private static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    private static java.time.Instant finishedOrStarted(SyncRunSummary run) {
        return run.finishedAt() == null ? run.startedAt() : run.finishedAt();
    }
}
