package com.rigsync.apparatus.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;

/**
 * What a screen shows while it waits for Samsara in the background: a running bar, what it is waiting for, and
 * Cancel. Hidden until {@link #show(String)}; the rest of the screen keeps answering meanwhile.
 */
class AskingSamsara extends HorizontalLayout {

    private final Span what = new Span();

    AskingSamsara(Runnable onCancel) {
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.setWidth("6rem");
        Button cancel = new Button("Cancel", e -> onCancel.run());
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        add(bar, what, cancel);
        setAlignItems(FlexComponent.Alignment.CENTER);
        addClassName("asking-samsara");
        setVisible(false);
    }

    void show(String waitingFor) {
        what.setText(waitingFor);
        setVisible(true);
    }

    void hide() {
        setVisible(false);
    }
}
