package com.rigsync.integration.ui;

import com.rigsync.base.ui.Confirmation;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.integration.ConnectionHealth;
import com.rigsync.integration.SamsaraSettings;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;

/**
 * How RigSync signs in to Samsara, on Settings: the Samsara (OAuth) connection with Disconnect, or the saved token
 * (only its last four characters) with Replace and Remove, or the empty token field with "Connect with Samsara".
 * Replacing either shows the token field until the user saves or cancels. Buttons that change the connection ask
 * first, then hand over to the screen.
 */
final class TokenSection extends Div {

    private final PasswordField token = new PasswordField("Access token");
    private final Runnable connect;
    private final Runnable disconnect;
    private final Runnable removeToken;
    private final Runnable showAgain;
    private boolean replacing;

    /**
     * @param connect     starts "Connect with Samsara" in the chosen region
     * @param disconnect  ends the Samsara connection (confirmed)
     * @param removeToken forgets the saved token (confirmed)
     * @param showAgain   shows the saved settings again, after the section switched in or out of replacing
     */
    TokenSection(Runnable connect, Runnable disconnect, Runnable removeToken, Runnable showAgain) {
        this.connect = connect;
        this.disconnect = disconnect;
        this.removeToken = removeToken;
        this.showAgain = showAgain;
        addClassName("token");
        token.setRevealButtonVisible(false);
        token.setWidth("28em");
        token.setHelperText("Paste the API token made in Samsara (the steps are below)");
    }

    /** The token typed in the field; empty when none. */
    String typed() {
        return token.getValue();
    }

    boolean nothingTyped() {
        return token.isEmpty();
    }

    void clearTyped() {
        token.clear();
    }

    /** Back to showing the saved connection, once it was saved or changed meanwhile. */
    void stopReplacing() {
        replacing = false;
    }

    void show(SamsaraSettings loaded, DisplayPreferences display) {
        removeAll();
        token.clear();
        token.setInvalid(false);
        if (loaded.oauthConnected() && !replacing) {
            showConnection(loaded, display);
        } else if (loaded.tokenSaved() && !replacing) {
            showSavedToken(loaded, display);
        } else {
            add(token, howToMakeAToken(!replacing));
            if (replacing) {
                add(new Button("Cancel", e -> replacing(false)));
            } else if (loaded.oauthAvailable()) {
                Paragraph or = new Paragraph("Or connect without a token: sign in to Samsara and allow RigSync.");
                Button connectButton = new Button("Connect with Samsara", e -> connect.run());
                connectButton.addClassName("connect-with-samsara");
                add(or, connectButton);
            }
        }
    }

    private void showConnection(SamsaraSettings loaded, DisplayPreferences display) {
        var grant = loaded.oauthGrant();
        Paragraph summary = new Paragraph("Connected with Samsara to " + loaded.organizationName() + " (id "
                + loaded.organizationId() + "). Granted scope: " + (grant.scope() == null ? "not stated"
                : grant.scope()) + ". Connected by " + grant.connectedBy() + " on "
                + display.date(grant.connectedAt()) + ".");
        summary.addClassName("oauth-connection");
        add(summary);
        if (loaded.health() == ConnectionHealth.RECONNECT_NEEDED) {
            Paragraph reconnect = new Paragraph("Samsara no longer accepts this connection (it was revoked or "
                    + "expired). Sync is paused: connect with Samsara again.");
            reconnect.addClassNames("warning", "reconnect-needed");
            add(reconnect);
        }
        Button disconnectButton = new Button("Disconnect", e -> Confirmation.ask("Disconnect from Samsara?",
                "RigSync revokes its access at Samsara and forgets the connection. Sync and Samsara lookups "
                        + "stop until someone connects again or saves a token. Your other settings and the "
                        + "Samsara links of your apparatus are kept.",
                "Disconnect", disconnect));
        disconnectButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button reconnect = new Button("Connect with Samsara again", e -> connect.run());
        Button useToken = new Button("Use an API token instead", e -> replacing(true));
        add(new HorizontalLayout(reconnect, disconnectButton, useToken));
    }

    private void showSavedToken(SamsaraSettings loaded, DisplayPreferences display) {
        var saved = loaded.savedToken();
        Paragraph summary = new Paragraph("Token saved, ending in …" + saved.last4() + ", saved by "
                + saved.savedBy() + " on " + display.date(saved.savedAt()));
        summary.addClassName("saved-token");
        Button replace = new Button("Replace", e -> replacing(true));
        Button remove = new Button("Remove", e -> Confirmation.ask("Remove the access token?",
                "RigSync stops calling Samsara for your department until a new token is saved. Your other "
                        + "settings and the Samsara links of your apparatus are kept.",
                "Remove token", removeToken));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(replace, remove);
        if (loaded.oauthAvailable()) {
            actions.add(new Button("Connect with Samsara", e -> Confirmation.ask(
                    "Replace the token with a Samsara connection?",
                    "Connecting with Samsara replaces the saved API token ending in …" + saved.last4()
                            + ". You sign in to Samsara and allow RigSync there; the token is forgotten once "
                            + "the connection is made (delete it in the Samsara dashboard if nothing else "
                            + "uses it).",
                    "Connect with Samsara", connect)));
        }
        add(summary, actions);
    }

    /** Samsara's own steps for making an API token, in the order its dashboard asks for them. */
    static Details howToMakeAToken(boolean opened) {
        OrderedList steps = new OrderedList(
                new ListItem("Sign in to the Samsara dashboard as an Organization Administrator: only they can make "
                        + "API tokens."),
                new ListItem("Go to Settings > API Tokens and choose Add an API Token."),
                new ListItem("Give it a name that says what it is for, for example \"RigSync\", so nobody deletes "
                        + "it by mistake."),
                new ListItem("Choose Global Read. (Or select the read scopes one by one: Read Org Information, Read "
                        + "Vehicles, Read Vehicle Statistics and Read Drivers. For driver login tokens add Write "
                        + "Driver Auth Token, which Global Read does not include.)"),
                new ListItem("Copy the token at once and paste it above: Samsara shows it only once."));
        Details details = new Details("How to make an API token in Samsara", steps);
        details.addClassName("token-steps");
        details.setOpened(opened);
        return details;
    }

    private void replacing(boolean replacing) {
        this.replacing = replacing;
        showAgain.run();
    }
}
