package com.rigsync.base.ui;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every screen. The navigation is Vaadin's menu: every screen with {@code @Menu} that the signed-in
 * role may open (the server refuses the others anyway), placed by its title ({@link Navigation}: "Assets > Setup >
 * Sync" is the Sync tab of Setup in the Assets section), so a new screen never edits this class. Above each screen a
 * {@link ScreenHeader} shows its breadcrumb and its tabs. Features add notices through {@link Banner} beans and name
 * the person through {@link SignedInPerson}.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** Where everyone changes their own password (the people feature's screen, reached by its address). */
    private static final String CHANGE_PASSWORD = "change-password";

    private final transient AuthenticationContext authenticationContext;
    private final transient List<Banner> banners;
    private final transient List<Indicator> indicators;
    private final Div bannerSlot = new Div();
    private final Div indicatorSlot = new Div();
    private final Navigation navigation;
    private final ScreenHeader header = new ScreenHeader();
    private final Div content = new Div();

    MainLayout(AuthenticationContext authenticationContext, SignedInPerson person, List<Banner> banners,
               List<Indicator> indicators) {
        this.authenticationContext = authenticationContext;
        this.banners = banners;
        this.indicators = indicators;
        setPrimarySection(Section.DRAWER);

        H1 title = new H1();
        title.addClassName("app-title");
        Image logo = new Image("images/rigsync.svg", "");
        title.add(logo);
        title.add("RigSync Assets");
        bannerSlot.addClassName("banners");
        indicatorSlot.addClassName("indicators");
        addToNavbar(new DrawerToggle(), title, bannerSlot, indicatorSlot);

        navigation = new Navigation(screens(person));
        for (List<Navigation.Place> section : navigation.bySection()) {
            addToDrawer(sideNav(section));
        }
        addToDrawer(footer(person));

        Div screen = new Div(header, content);
        screen.addClassName("screen");
        content.addClassName("screen-content");
        setContent(screen);
    }

    /**
     * One side navigation per section (labelled with its name) or run of screens outside any: an entry per screen,
     * and one for all the tabs of an entry (Setup), which opens the first and is current on each.
     */
    private static SideNav sideNav(List<Navigation.Place> places) {
        SideNav nav = new SideNav();
        places.getFirst().section().ifPresent(nav::setLabel);
        Map<List<String>, SideNavItem> entries = new LinkedHashMap<>();
        for (Navigation.Place place : places) {
            SideNavItem shared = entries.get(place.entryTrail());
            if (shared != null) {
                Set<String> aliases = new HashSet<>(shared.getPathAliases());
                aliases.add(RouteConfiguration.forApplicationScope().getUrl(place.screen()));
                shared.setPathAliases(aliases);
                continue;
            }
            SideNavItem item = new SideNavItem(place.entryTrail().getLast(), place.screen());
            if (place.entry().icon() != null) {
                item.setPrefixComponent(new Icon(place.entry().icon()));
            }
            entries.put(place.entryTrail(), item);
            nav.addItem(item);
        }
        return nav;
    }

    /**
     * The screens the signed-in person may open, in menu order. The home page ({@code /}) is a department's
     * overview: people who belong to no department (Client Success) start at their first screen instead.
     */
    public static List<MenuEntry> screens(SignedInPerson person) {
        return MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> person.belongsToDepartment() || !isHome(entry))
                .toList();
    }

    private static boolean isHome(MenuEntry entry) {
        return entry.path().replace("/", "").isEmpty();
    }

    /** The screen goes below the header, in the part that scrolls, so the breadcrumb and tabs stay in sight. */
    @Override
    public void showRouterLayoutContent(HasElement screen) {
        content.getElement().removeAllChildren();
        if (screen != null) {
            content.getElement().appendChild(screen.getElement());
        }
        if (isOverlay()) {
            setDrawerOpened(false);
        }
    }

    /**
     * After each navigation: the header shows where the screen sits; each banner is asked once, and the ones that
     * apply are shown until the next.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // the registered class: the instance shown may be a Spring proxy of it
        String path = event.getLocation().getPath();
        Class<?> screen = RouteConfiguration.forSessionScope().getRoute(path).orElse(null);
        header.show(navigation.breadcrumb(screen, path, pageName(screen, event.getActiveChain().getFirst())),
                navigation.tabsBeside(screen), screen);
        bannerSlot.removeAll();
        for (Banner banner : banners) {
            banner.current().ifPresent(notice -> {
                Div shown = new Div(new Span(notice.text() + " "), new RouterLink(notice.linkText(), notice.fixedOn()));
                shown.setId(notice.id());
                shown.addClassName("banner");
                shown.getElement().setAttribute("role", "alert");
                bannerSlot.add(shown);
            });
        }
        indicatorSlot.removeAll();
        for (Indicator indicator : indicators) {
            indicator.current().ifPresent(shown -> {
                RouterLink link = new RouterLink(shown.text(), shown.opens());
                link.setId(shown.id());
                link.addClassName("indicator");
                if (!shown.attention()) {
                    link.addClassName("none");
                }
                indicatorSlot.add(link);
            });
        }
    }

    /** A screen's name from its page title, "Change password | RigSync" naming "Change password". */
    private static Optional<String> pageName(Class<?> screen, HasElement shown) {
        String title = shown instanceof HasDynamicTitle dynamic ? dynamic.getPageTitle()
                : screen == null || screen.getAnnotation(PageTitle.class) == null ? null
                : screen.getAnnotation(PageTitle.class).value();
        return Optional.ofNullable(title).map(full -> full.split(" \\| ")[0].strip()).filter(name -> !name.isEmpty());
    }

    private Component footer(SignedInPerson person) {
        VerticalLayout footer = new VerticalLayout();
        footer.setPadding(false);
        footer.setSpacing(false);
        person.nameAndRole().ifPresent(nameAndRole -> {
            Div who = new Div(nameAndRole);
            who.addClassName("signed-in-as");
            footer.add(who);
        });
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> authenticationContext.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button changePassword = new Button("Change password", VaadinIcon.KEY.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(CHANGE_PASSWORD)));
        changePassword.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        footer.add(changePassword, signOut);
        return footer;
    }
}
