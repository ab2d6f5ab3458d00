package com.rigsync.integration.ui;

import java.util.Optional;

import com.rigsync.base.ui.Banner;
import com.rigsync.integration.SamsaraConnections;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.Role;
import com.rigsync.security.SignedInUser;
import org.springframework.stereotype.Component;

/** Tells administrators and data managers on every screen that scheduled syncs wait for them to fix the connection. */
@Component
class SyncPausedBanner implements Banner {

    private final CurrentUser currentUser;
    private final SamsaraConnections connections;

    SyncPausedBanner(CurrentUser currentUser, SamsaraConnections connections) {
        this.currentUser = currentUser;
        this.connections = connections;
    }

    /** One small query, and only for the roles that can fix the connection. */
    @Override
    public Optional<Notice> current() {
        boolean mayFix = currentUser.get().map(SignedInUser::role)
                .filter(role -> role == Role.ADMINISTRATOR || role == Role.DATA_MANAGER).isPresent();
        if (!mayFix) {
            return Optional.empty();
        }
        return connections.pausedReasonForCurrentDepartment().map(reason -> new Notice("sync-paused-banner", reason,
                "Open Setup > Settings", SettingsView.class));
    }
}
