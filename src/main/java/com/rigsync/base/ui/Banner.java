package com.rigsync.base.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

/**
 * A notice the frame shows above every screen while it applies to the signed-in person, such as "scheduled syncs
 * are paused". A feature offers one as a Spring bean; the frame asks every banner after each navigation, so an answer
 * must cost at most one small query.
 */
public interface Banner {

    /** The notice for the signed-in person now, or empty. */
    Optional<Notice> current();

    /**
     * @param id       the banner's element id, for tests and styles
     * @param text     what happened, in the department's words
     * @param linkText the words of the link to where it is fixed
     * @param fixedOn  the screen where it is fixed
     */
    record Notice(String id, String text, String linkText, Class<? extends Component> fixedOn) {
    }
}
