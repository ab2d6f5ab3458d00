package com.rigsync.sync.ui;

import java.time.Duration;

import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.sync.SyncOutcome;
import com.rigsync.sync.SyncRunSummary;
import com.rigsync.sync.SyncTrigger;
import com.vaadin.flow.component.grid.Grid;

/** The panel's run history: one row per run, newest first, with what went wrong in plain words. */
final class RunHistoryGrid extends Grid<SyncRunSummary> {

    private transient DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;

    RunHistoryGrid() {
        setId("sync-history");
        addColumn(r -> display.dateTime(r.startedAt())).setHeader("Started").setAutoWidth(true);
        addColumn(RunHistoryGrid::duration).setHeader("Duration").setAutoWidth(true);
        addColumn(RunHistoryGrid::trigger).setHeader("Trigger").setAutoWidth(true);
        addColumn(r -> r.outcome().label()).setHeader("Outcome").setAutoWidth(true);
        addColumn(r -> r.counts().vehiclesListed()).setHeader("Vehicles listed").setAutoWidth(true);
        addColumn(r -> r.counts().apparatusUpdated()).setHeader("Apparatus updated").setAutoWidth(true);
        addColumn(r -> r.counts().readingsFlagged()).setHeader("Readings flagged").setAutoWidth(true);
        addColumn(r -> r.counts().vehiclesGone()).setHeader("Vehicles gone").setAutoWidth(true);
        addColumn(SyncRunSummary::apiCalls).setHeader("API calls").setAutoWidth(true);
        addColumn(r -> r.error() == null ? "" : r.error()).setHeader("What went wrong").setFlexGrow(3);
        addColumn(r -> r.runBy() == null ? "" : r.runBy()).setHeader("Instance").setAutoWidth(true);
        setAllRowsVisible(true);
    }

    /** Times follow the department's zone, learnt when the panel is attached. */
    void setDisplay(DisplayPreferences display) {
        this.display = display;
    }

    private static String trigger(SyncRunSummary run) {
        return run.trigger() == SyncTrigger.MANUAL && run.requestedBy() != null
                ? run.trigger().label() + " by " + run.requestedBy() : run.trigger().label();
    }

    private static String duration(SyncRunSummary run) {
        return run.duration().map(RunHistoryGrid::words).orElse(run.outcome() == SyncOutcome.RUNNING ? "running" : "");
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
