package com.rigsync.apparatus.ui;

import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.integration.IntegrationState;
import com.rigsync.integration.SyncSummary;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The department's sync in one line, for everyone: when the synced values were last brought up to date. Hidden for
 * a department whose plan has no Samsara.
 */
class SyncSummaryLine extends Paragraph {

    SyncSummaryLine() {
        setId("apparatus-sync-summary");
        addClassName("sync-summary");
    }

    void show(SyncSummary summary, DisplayPreferences display) {
        IntegrationState state = summary.state();
        setVisible(state != IntegrationState.NOT_ENTITLED);
        StringBuilder text = new StringBuilder("Samsara sync: ");
        switch (state) {
            case OFF, NOT_CONNECTED -> text.append("not set up, so the synced columns are not kept current");
            case NEEDS_ATTENTION, RECONNECT_NEEDED -> text.append("paused until an administrator or data manager "
                    + "fixes the Samsara connection");
            default -> text.append(state == IntegrationState.WORKING ? "working" : state.label().toLowerCase());
        }
        text.append(" · last successful sync ").append(summary.lastSuccess() == null ? "never"
                : display.dateTime(summary.lastSuccess()));
        if (summary.nextRunAt() != null) {
            text.append(" · next ").append(display.dateTime(summary.nextRunAt()));
        }
        setText(text.toString());
    }
}
