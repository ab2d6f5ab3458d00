package com.rigsync;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Lumo and the app's own stylesheet are served as plain files (see frontend/ and the pom), which needs no
 * frontend bundle rebuild; never add a {@code @Theme} or {@code @CssImport} here.
 */
// clicks travel as HTTP requests, so every one passes the security filters (the security stamp check); push
// only carries the server's answers
@Push(transport = Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("RigSync");
        settings.addFavIcon("icon", "images/rigsync.svg", "any");
    }
}
