package com.rigsync.sync.ui;

import java.time.Clock;
import java.time.Instant;

import com.rigsync.apparatus.MeterReadings;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.base.ui.Notifications;
import com.rigsync.integration.PaidFeature;
import com.rigsync.integration.ui.SettingsView;
import com.rigsync.security.Role;
import com.rigsync.sync.SyncNowOutcome;
import com.rigsync.sync.SyncOutcome;
import com.rigsync.sync.SyncOverview;
import com.rigsync.sync.SyncPanel;
import com.rigsync.sync.SyncProgress;
import com.rigsync.sync.SyncProgressFeed;
import com.rigsync.sync.SyncRunSummary;
import com.rigsync.sync.SyncSchedule;
import com.rigsync.sync.SyncService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

import static com.rigsync.sync.ui.PanelParts.note;
import static com.rigsync.sync.ui.PanelParts.paragraph;

/**
 * Assets > Setup > Sync, the sync status panel: how the connection stands, when the data was last brought up to
 * date and will be next, the running sync live (pushed from the run's progress events), "Sync now", the interval,
 * what still needs linking, and the run history. The sections are their own classes in this package.
 */
@Route("setup/sync")
@PageTitle("Sync | RigSync")
@Menu(title = "Assets > Setup > Sync", order = 3, icon = "vaadin:refresh")
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.DATA_MANAGER_NAME})
public class SyncView extends VerticalLayout {

    private final transient SyncOverview overview;
    private final transient SyncService sync;
    private final transient MeterReadings meterReadings;
    private final transient SyncProgressFeed feed;
    private final transient DepartmentDisplay preferences;
    private final transient Clock clock;
    private transient DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;
    private transient SyncProgressFeed.Subscription subscription;

    private final Div content = new Div();
    private final RunningSync running = new RunningSync();
    private final IntegerField interval = new IntegerField("Sync every (minutes)");
    private final Button syncNow = new Button("Sync now", VaadinIcon.REFRESH.create());
    private final RunHistoryGrid history = new RunHistoryGrid();
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

        interval.setId("sync-interval");
        interval.setMin(SyncService.MIN_INTERVAL_MINUTES);
        interval.setMax(SyncService.MAX_INTERVAL_MINUTES);
        interval.setStepButtonsVisible(true);
        interval.setHelperText("From " + SyncService.MIN_INTERVAL_MINUTES + " minutes to "
                + SyncService.MAX_INTERVAL_MINUTES + " (a day)");

        syncNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        syncNow.addClickListener(e -> syncNow());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        display = preferences.display();
        running.setDisplay(display);
        history.setDisplay(display);
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
            content.add(note("sync-not-entitled", "paid", PaidFeature.NOT_ENTITLED));
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
        running.show(schedule.running());
        content.add(new ApparatusLinksSection(panel.apparatus()),
                new FlaggedReadingsSection(panel.flaggedReadings(), meterReadings, display, this::refresh),
                new H3("Run history"));
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
        running.show(update);
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

    private static Instant finishedOrStarted(SyncRunSummary run) {
        return run.finishedAt() == null ? run.startedAt() : run.finishedAt();
    }
}
