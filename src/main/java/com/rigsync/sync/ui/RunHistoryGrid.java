package com.rigsync.sync.ui;

import java.time.Duration;

import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.sync.SyncOutcome;
import com.rigsync.sync.SyncRunSummary;
import com.rigsync.sync.SyncTrigger;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

/** The panel's run history: one row per run, newest first, with what went wrong in plain words. */
final class RunHistoryGrid extends Grid<SyncRunSummary> {

    private transient DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;

    RunHistoryGrid() {
        setId("sync-history");
        // every column fits a 1400-pixel window: the counts share one column and long reasons wrap, so what went
        // wrong is never behind a sideways scroll
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        addColumn(r -> display.dateTime(r.startedAt())).setHeader("Started").setAutoWidth(true).setFlexGrow(0);
        addColumn(RunHistoryGrid::trigger).setHeader("Trigger").setWidth("8.5em").setFlexGrow(0);
        addColumn(RunHistoryGrid::outcome).setHeader("Outcome").setWidth("9em").setFlexGrow(0);
        addColumn(RunHistoryGrid::counts).setHeader("Vehicles, apparatus, API calls").setWidth("10em")
                .setFlexGrow(0);
        addColumn(r -> r.error() == null ? "" : r.error()).setHeader("What went wrong").setWidth("20em")
                .setFlexGrow(1);
        addColumn(r -> r.runBy() == null ? "" : r.runBy()).setHeader("Instance").setAutoWidth(true)
                .setFlexGrow(0);
        setAllRowsVisible(true);
    }

    /** Times follow the department's zone, learnt when the panel is attached. */
    void setDisplay(DisplayPreferences display) {
        this.display = display;
    }

    /** "40 vehicles listed · 12 updated · 1 reading flagged · 7 API calls", leaving out what is zero. */
    static String counts(SyncRunSummary run) {
        var c = run.counts();
        var parts = new java.util.ArrayList<String>();
        parts.add(c.vehiclesListed() + " vehicles listed");
        parts.add(c.apparatusUpdated() + " updated");
        if (c.readingsFlagged() > 0) {
            parts.add(c.readingsFlagged() + (c.readingsFlagged() == 1 ? " reading flagged" : " readings flagged"));
        }
        if (c.vehiclesGone() > 0) {
            parts.add(c.vehiclesGone() + " gone from Samsara");
        }
        parts.add(run.apiCalls() + " API calls");
        return String.join(" · ", parts);
    }

    private static String trigger(SyncRunSummary run) {
        return run.trigger() == SyncTrigger.MANUAL && run.requestedBy() != null
                ? run.trigger().label() + " by " + run.requestedBy() : run.trigger().label();
    }

    /** "Succeeded in 42 s", "Failed after 3 s", "Running". */
    private static String outcome(SyncRunSummary run) {
        return run.duration().map(d -> run.outcome().label()
                        + (run.outcome() == SyncOutcome.SUCCEEDED ? " in " : " after ") + words(d))
                .orElse(run.outcome().label());
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
}
