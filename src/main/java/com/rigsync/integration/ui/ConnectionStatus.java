package com.rigsync.integration.ui;

import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.integration.ConnectionHealth;
import com.rigsync.integration.SamsaraSettings;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/** Settings' connection state: its health, the Samsara organisation and when Samsara last answered. */
final class ConnectionStatus extends Div {

    ConnectionStatus() {
        addClassName("connection-status");
    }

    void show(SamsaraSettings loaded, DisplayPreferences display) {
        removeAll();
        ConnectionHealth health = loaded.health() == null ? ConnectionHealth.NOT_CONNECTED : loaded.health();
        Paragraph state = new Paragraph("Connection: " + health.label());
        state.addClassName("health-" + health.name().toLowerCase().replace('_', '-'));
        add(state);
        if (loaded.organizationId() != null) {
            add(new Paragraph("Samsara organisation: " + loaded.organizationName() + " (id "
                    + loaded.organizationId() + ")"));
        }
        if (loaded.tokenSaved() || loaded.oauthConnected()) {
            add(new Paragraph("Last used successfully: " + (loaded.lastUsedAt() == null ? "never"
                    : display.dateTime(loaded.lastUsedAt()))));
        }
    }
}
