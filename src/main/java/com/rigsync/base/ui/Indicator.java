package com.rigsync.base.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

/**
 * A small figure the frame shows in its top bar on every screen, such as the number of open alerts. A feature offers
 * one as a Spring bean; the frame asks each after every navigation, so an answer must cost at most one small query.
 */
public interface Indicator {

    /** What to show the signed-in person now, or empty. */
    Optional<Shown> current();

    /**
     * @param id    the element id, for tests and styles
     * @param text  the short text shown ("3 open alerts")
     * @param opens the screen a click opens
     * @param attention whether it asks for attention (drawn in the alert colour) or only informs
     */
    record Shown(String id, String text, Class<? extends Component> opens, boolean attention) {
    }
}
