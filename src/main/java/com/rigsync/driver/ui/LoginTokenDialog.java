package com.rigsync.driver.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.driver.IssuedLoginToken;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/**
 * Shows a driver login token and its code once, with the time left counting down (the UI polls every second while the
 * dialog is attached). Closing it clears both fields; nothing else holds them, so they are gone from the server too.
 */
class LoginTokenDialog extends Dialog {

    static final String EXPIRED = "Expired. Issue a new login token if the driver still needs one.";

    private final transient Clock clock;
    private final Instant expiresAt;
    private final DisplayPreferences display;
    private final TextField token = new TextField("Login token");
    private final TextField code = new TextField("Code");
    private final Paragraph expiry = new Paragraph();
    private Registration polling;

    LoginTokenDialog(IssuedLoginToken issued, Clock clock, DisplayPreferences display) {
        this.clock = clock;
        this.expiresAt = issued.expiresAt();
        this.display = display;
        setHeaderTitle("Login token for " + issued.driver().label());
        setCloseOnOutsideClick(false);
        setWidth("36em");

        Paragraph once = new Paragraph("Give the driver both the login token and its code: the token works only with "
                + "its code. RigSync shows them only now and keeps neither; if they are lost, issue a new token.");
        copyable(token, issued.token());
        copyable(code, issued.code());
        expiry.addClassName("expiry");
        VerticalLayout body = new VerticalLayout(once, token, code, expiry);
        body.setPadding(false);
        add(body);

        Button close = new Button("Close", e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.addClickShortcut(Key.ESCAPE);
        getFooter().add(close);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                forget();
            }
        });
        showTimeLeft();
    }

    private static void copyable(TextField field, String value) {
        field.setValue(value);
        field.setReadOnly(true);
        field.setWidthFull();
        field.getElement().setAttribute("autocomplete", "off");
        field.getElement().setAttribute("spellcheck", "false");
        // copies what the browser already shows; nothing is sent again
        Button copy = new Button(VaadinIcon.COPY.create(),
                e -> field.getElement().executeJs("navigator.clipboard.writeText(this.value)"));
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        copy.setAriaLabel("Copy " + field.getLabel().toLowerCase());
        copy.setTooltipText("Copy");
        field.setSuffixComponent(copy);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        if (stillValid()) {
            polling = ui.addPollListener(e -> showTimeLeft());
            ui.setPollInterval(1000);
        }
        showTimeLeft();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPolling(detachEvent.getUI());
        forget();
        super.onDetach(detachEvent);
    }

    private boolean stillValid() {
        return expiresAt != null && expiresAt.isAfter(clock.instant());
    }

    private void showTimeLeft() {
        if (expiresAt == null) {
            expiry.setText("Samsara did not say when the token expires; it is short-lived.");
            return;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        if (left.isNegative() || left.isZero()) {
            expiry.setText(EXPIRED);
            expiry.addClassName("expired");
            getUI().ifPresent(this::stopPolling);
            return;
        }
        // round up: "0:01" until the last second has passed, never "0:00" while the token still works
        long seconds = (left.toMillis() + 999) / 1000;
        String time = seconds >= 3600
                ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
        expiry.setText("Expires in " + time + " (at " + display.dateTime(expiresAt) + ")");
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    private void forget() {
        token.clear();
        code.clear();
    }
}
