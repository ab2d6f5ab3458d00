package com.rigsync.alert.ui;

import java.util.Optional;

import com.rigsync.alert.AlertService;
import com.rigsync.base.ui.Indicator;
import com.rigsync.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The number of open alerts the signed-in person may see, in the top bar of every screen. */
@Component
class OpenAlertsIndicator implements Indicator {

    private final AlertService alerts;
    private final CurrentUser currentUser;

    OpenAlertsIndicator(AlertService alerts, CurrentUser currentUser) {
        this.alerts = alerts;
        this.currentUser = currentUser;
    }

    @Override
    public Optional<Shown> current() {
        if (currentUser.get().filter(me -> me.departmentId() != null).isEmpty()) {
            return Optional.empty();
        }
        int open = alerts.openCount();
        return Optional.of(new Shown("open-alerts", open == 0 ? "No open alerts"
                : open == 1 ? "1 open alert" : open + " open alerts", AlertsView.class, open > 0));
    }
}
