package com.rigsync.sync.ui;

import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.sync.SyncCounts;
import com.rigsync.sync.SyncProgress;
import com.rigsync.sync.SyncRunSummary;
import com.rigsync.sync.SyncTrigger;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;

/** The running sync on the panel: who started it, its phase, a progress bar and its counts so far. */
final class RunningSync extends Div {

    private final Paragraph text = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph counts = new Paragraph();
    private transient DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;

    RunningSync() {
        setId("sync-running");
        addClassName("note");
        text.setId("sync-running-text");
        counts.setId("sync-running-counts");
        progress.setId("sync-progress");
        progress.getElement().setAttribute("aria-label", "Sync progress");
        add(text, progress, counts);
    }

    void setDisplay(DisplayPreferences display) {
        this.display = display;
    }

    /** The run as the panel read it from the database; hidden when none runs. */
    void show(SyncRunSummary run) {
        setVisible(run != null);
        if (run != null) {
            text.setText(label(run.trigger(), run.requestedBy()) + " since " + display.dateTime(run.startedAt()));
            progress.setIndeterminate(true);
            counts.setText(counts(run.counts(), run.apiCalls()));
        }
    }

    /** A progress event of a run that goes on. */
    void show(SyncProgress update) {
        setVisible(true);
        text.setText(label(update.trigger(), null) + ": " + update.phase());
        double fraction = update.fraction();
        progress.setIndeterminate(fraction < 0);
        if (fraction >= 0) {
            progress.setValue(fraction);
        }
        counts.setText(counts(update.counts(), update.apiCalls()));
    }

    private static String counts(SyncCounts counts, long apiCalls) {
        return counts.vehiclesListed() + " Samsara vehicles listed · " + counts.apparatusLinked()
                + " apparatus linked · " + counts.apparatusUpdated() + " updated · " + counts.readingsFlagged()
                + " readings flagged · " + counts.vehiclesGone() + " vehicles gone · " + apiCalls + " API calls";
    }

    private static String label(SyncTrigger trigger, String requestedBy) {
        return trigger == SyncTrigger.MANUAL
                ? "Sync now" + (requestedBy == null ? "" : " by " + requestedBy) + " running"
                : "Scheduled sync running";
    }
}
