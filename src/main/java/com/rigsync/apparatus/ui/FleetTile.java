package com.rigsync.apparatus.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;

/**
 * One figure of the Overview: a count, what it counts, and a line of detail; the whole tile opens the apparatus grid
 * filtered to exactly the apparatus it counts.
 */
final class FleetTile extends RouterLink {

    private final Div details = new Div();

    /**
     * @param id       the tile's element id ("tile-not-reporting")
     * @param count    how many apparatus
     * @param what     what they are, in words ("Not reporting")
     * @param filter   the grid's address parameters for exactly those apparatus
     * @param alerting whether a non-zero count needs someone's attention (it is drawn so)
     */
    FleetTile(String id, int count, String what, QueryParameters filter, boolean alerting) {
        super("", ApparatusView.class);
        setQueryParameters(filter);
        setId(id);
        addClassName("fleet-tile");
        if (alerting && count > 0) {
            addClassName("attention");
        }
        Span figure = new Span(String.valueOf(count));
        figure.addClassName("fleet-tile-count");
        Span label = new Span(what);
        label.addClassName("fleet-tile-label");
        details.addClassName("fleet-tile-details");
        add(figure, label, details);
        getElement().setAttribute("aria-label", count + " " + what);
    }

    /** A line under the label: the threshold, the reasons, what is in it. */
    FleetTile detail(String text) {
        details.add(new Div(text));
        return this;
    }
}
