package com.rigsync.people.ui;

import com.rigsync.people.NewAccount;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * Shows a new account's or a reset's one-time password, the only time anyone sees it; the dialog stays until whoever
 * made it says it was passed on. Users (administrators) and Client Success's department page both use it.
 */
public final class OneTimePasswordDialog {

    private OneTimePasswordDialog() {
    }

    /** @param giveTo who the password goes to, as in "Give these to the person" */
    public static void show(String heading, NewAccount account, String giveTo) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(heading);
        dialog.setCloseOnOutsideClick(false);
        Div password = new Div(account.password().reveal());
        password.addClassName("one-time-password");
        dialog.add(new VerticalLayout(
                new Paragraph("Give these to " + giveTo + ". The password is shown only this once; they choose their "
                        + "own at their next sign-in."),
                new Paragraph("Username: " + account.username()),
                new Paragraph("One-time password:"), password));
        Button done = new Button("I have passed it on", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
    }
}
