package com.rigsync.base.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every screen. The navigation is Vaadin's menu: every screen with {@code @Menu} that the signed-in
 * role may open (the server refuses the others anyway), so a new screen never edits this class. Features add notices
 * through {@link Banner} beans and name the person through {@link SignedInPerson}.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** Where everyone changes their own password (the people feature's screen, reached by its address). */
    private static final String CHANGE_PASSWORD = "change-password";

    private final transient AuthenticationContext authenticationContext;
    private final transient List<Banner> banners;
    private final Div bannerSlot = new Div();

    MainLayout(AuthenticationContext authenticationContext, SignedInPerson person, List<Banner> banners) {
        this.authenticationContext = authenticationContext;
        this.banners = banners;
        setPrimarySection(Section.DRAWER);

        H1 title = new H1();
        title.addClassName("app-title");
        Image logo = new Image("images/rigsync.svg", "");
        title.add(logo);
        title.add("RigSync Assets");
        bannerSlot.addClassName("banners");
        addToNavbar(new DrawerToggle(), title, bannerSlot);

        SideNav nav = new SideNav();
        for (MenuEntry entry : screens(person)) {
            SideNavItem item = new SideNavItem(entry.title(), entry.menuClass());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        addToDrawer(nav, footer(person));
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

    /** Each banner is asked once per navigation; the ones that apply are shown until the next. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
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
