package com.rigsync.integration.ui;

import com.rigsync.integration.PendingConnection;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

/**
 * Started "Connect with Samsara" requests, kept in the user's HTTP session under their random state (server side:
 * the browser only sees the state in Samsara's URLs). Taking one removes it, so a state works once; another browser
 * session has none of this session's requests.
 */
final class PendingConnections {

    private static final String PREFIX = PendingConnections.class.getName() + ".";
    private static final int MAX_STATE_LENGTH = 200;

    private PendingConnections() {
    }

    /** Keeps the request in this session and sends the browser to Samsara's authorize page. */
    static void keepAndGo(PendingConnection pending) {
        session().setAttribute(PREFIX + pending.state(), pending);
        UI.getCurrent().getPage().setLocation(pending.authorizeUrl());
    }

    /** The request this session started with {@code state}, removed from the session; null when there is none. */
    static PendingConnection take(String state) {
        if (state == null || state.isBlank() || state.length() > MAX_STATE_LENGTH) {
            return null;
        }
        WrappedSession session = session();
        Object pending = session.getAttribute(PREFIX + state);
        session.removeAttribute(PREFIX + state);
        return pending instanceof PendingConnection p ? p : null;
    }

    /**
     * Remembers a message for the Settings screen, which the browser opens next (a full page load: a navigation from
     * a push answer has no request, and the main layout's access checks need one).
     */
    static void showOnSettings(String message) {
        session().setAttribute(PREFIX + "message", message);
    }

    /** The message {@link #showOnSettings} left, removed; null when none. */
    static String takeSettingsMessage() {
        WrappedSession session = session();
        Object message = session.getAttribute(PREFIX + "message");
        session.removeAttribute(PREFIX + "message");
        return message instanceof String text ? text : null;
    }

    private static WrappedSession session() {
        return VaadinSession.getCurrent().getSession();
    }
}
