package com.rigsync.base.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.menu.MenuEntry;

/**
 * Where each screen sits, in the words departments know from First Due ("Assets > Setup > Settings"), read from
 * Vaadin's menu. A screen places itself with its {@code @Menu} title: "Users" stands alone, "Assets > Apparatus" is an
 * entry of the Assets section, "Assets > Setup > Sync" a tab of the Setup entry, which opens its first tab the person
 * may open. Only the screens the person may open are here.
 */
final class Navigation {

    /** Between the names of a title's trail: {@code @Menu(title = "Assets > Setup > Settings")}. */
    static final String SEPARATOR = " > ";

    private final List<Place> places;

    Navigation(List<MenuEntry> entries) {
        places = entries.stream().map(entry -> new Place(entry, trail(entry))).toList();
    }

    /** The places in runs of one section (or of none), in menu order: one side navigation each. */
    List<List<Place>> bySection() {
        List<List<Place>> runs = new ArrayList<>();
        Optional<String> current = Optional.empty();
        for (Place place : places) {
            if (runs.isEmpty() || !place.section().equals(current)) {
                runs.add(new ArrayList<>());
                current = place.section();
            }
            runs.getLast().add(place);
        }
        return runs;
    }

    /**
     * The breadcrumb of the screen shown at that path: its place's trail, the current screen last. A screen outside
     * the menu (an apparatus' page under "apparatus/…") hangs below the menu screen whose address its own extends,
     * under its page's name; one with no such screen above it shows only its name.
     *
     * @param screen   the screen's registered class
     * @param pageName the screen's name from its page title, used when the menu does not name it
     */
    List<Crumb> breadcrumb(Class<?> screen, String path, Optional<String> pageName) {
        Optional<Place> own = placeOf(screen);
        if (own.isPresent()) {
            List<Crumb> crumbs = new ArrayList<>(crumbsTo(own.get().trail()));
            crumbs.set(crumbs.size() - 1, new Crumb(own.get().name(), Optional.empty(), true));
            return crumbs;
        }
        List<Crumb> crumbs = new ArrayList<>(above(path).map(place -> crumbsTo(place.trail())).orElse(List.of()));
        pageName.ifPresent(name -> crumbs.add(new Crumb(name, Optional.empty(), true)));
        return crumbs;
    }

    /** The tabs beside a tab's screen (its own included), in menu order; empty for a screen that is no tab. */
    List<Place> tabsBeside(Class<?> screen) {
        return placeOf(screen).filter(Place::isTab)
                .map(tab -> places.stream()
                        .filter(other -> other.isTab() && other.entryTrail().equals(tab.entryTrail())).toList())
                .orElse(List.of());
    }

    private Optional<Place> placeOf(Class<?> screen) {
        return places.stream().filter(place -> place.screen().equals(screen)).findFirst();
    }

    /** The menu screen whose address the path extends (the nearest), never the home page. */
    private Optional<Place> above(String path) {
        String trimmed = trim(path);
        return places.stream()
                .filter(place -> !trim(place.entry().path()).isEmpty())
                .filter(place -> trimmed.startsWith(trim(place.entry().path()) + "/"))
                .max(Comparator.comparingInt(place -> trim(place.entry().path()).length()));
    }

    /** A crumb for each name of the trail: a section is a heading, the others lead to their first screen. */
    private List<Crumb> crumbsTo(List<String> trail) {
        List<Crumb> crumbs = new ArrayList<>();
        for (int i = 0; i < trail.size(); i++) {
            boolean section = i == 0 && trail.size() > 1;
            Optional<Class<? extends Component>> link = section ? Optional.empty()
                    : firstUnder(trail.subList(0, i + 1)).map(Place::screen);
            crumbs.add(new Crumb(trail.get(i), link, false));
        }
        return crumbs;
    }

    /** The first screen at or under that trail: "Assets", "Setup" leads to the first Setup tab. */
    private Optional<Place> firstUnder(List<String> trail) {
        return places.stream().filter(place -> place.trail().size() >= trail.size()
                && place.trail().subList(0, trail.size()).equals(trail)).findFirst();
    }

    private static List<String> trail(MenuEntry entry) {
        return Arrays.stream(entry.title().split(SEPARATOR)).map(String::strip).toList();
    }

    private static String trim(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /**
     * One screen and its trail of names: {@code ["Users"]}, {@code ["Assets", "Apparatus"]} or
     * {@code ["Assets", "Setup", "Settings"]}. The first name of a longer trail is a section (a heading, no screen of
     * its own), the second the side navigation's entry, a third the tab.
     */
    record Place(MenuEntry entry, List<String> trail) {

        Place {
            trail = List.copyOf(trail);
        }

        Optional<String> section() {
            return trail.size() > 1 ? Optional.of(trail.getFirst()) : Optional.empty();
        }

        /** The trail down to the side navigation's entry: the whole trail but a tab's own name. */
        List<String> entryTrail() {
            return trail.subList(0, Math.min(trail.size(), 2));
        }

        boolean isTab() {
            return trail.size() > 2;
        }

        /** The name the screen goes by where it is listed: the entry, or the tab. */
        String name() {
            return trail.getLast();
        }

        Class<? extends Component> screen() {
            return entry.menuClass();
        }
    }

    /**
     * One name of a breadcrumb.
     *
     * @param link    the screen it leads to; none for a section heading and for the current screen
     * @param current whether it names the screen on show
     */
    record Crumb(String name, Optional<Class<? extends Component>> link, boolean current) {
    }
}
