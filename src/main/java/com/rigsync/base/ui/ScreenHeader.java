package com.rigsync.base.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.RouterLink;

/**
 * Above every screen: the breadcrumb of its place ("Assets › Setup › Settings") and, for a tab, the tab bar of its
 * entry (Settings | Sync | Drivers, only the tabs the person may open), each tab a link to its screen's address.
 */
final class ScreenHeader extends Div {

    static final String BREADCRUMBS_ID = "breadcrumbs";
    static final String TABS_ID = "screen-tabs";

    ScreenHeader() {
        addClassName("screen-header");
    }

    void show(List<Navigation.Crumb> trail, List<Navigation.Place> tabs, Class<?> screen) {
        removeAll();
        setVisible(!trail.isEmpty());
        if (!trail.isEmpty()) {
            add(breadcrumbs(trail));
        }
        if (!tabs.isEmpty()) {
            add(tabs(tabs, screen));
        }
    }

    private static Nav breadcrumbs(List<Navigation.Crumb> trail) {
        OrderedList crumbs = new OrderedList();
        for (Navigation.Crumb crumb : trail) {
            Component shown = crumb.link().<Component>map(screen -> new RouterLink(crumb.name(), screen))
                    .orElseGet(() -> new Span(crumb.name()));
            if (crumb.current()) {
                shown.getElement().setAttribute("aria-current", "page");
            }
            crumbs.add(new ListItem(shown));
        }
        Nav breadcrumbs = new Nav(crumbs);
        breadcrumbs.setId(BREADCRUMBS_ID);
        breadcrumbs.addClassName("breadcrumbs");
        breadcrumbs.setAriaLabel("Breadcrumb");
        return breadcrumbs;
    }

    private static Tabs tabs(List<Navigation.Place> places, Class<?> screen) {
        Tabs tabs = new Tabs();
        tabs.setId(TABS_ID);
        tabs.getElement().setAttribute("aria-label", places.getFirst().entryTrail().getLast());
        for (Navigation.Place place : places) {
            Tab tab = new Tab(new RouterLink(place.name(), place.screen()));
            tabs.add(tab);
            if (place.screen().equals(screen)) {
                tabs.setSelectedTab(tab);
            }
        }
        return tabs;
    }
}
