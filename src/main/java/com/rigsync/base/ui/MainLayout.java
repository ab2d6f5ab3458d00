package com.rigsync.base.ui;

import java.util.List;
import java.util.Optional;

import com.rigsync.apparatus.ui.ApparatusView;
import com.rigsync.audit.ui.AuditLogView;
import com.rigsync.clientsuccess.ui.DepartmentsView;
import com.rigsync.department.ui.OverviewView;
import com.rigsync.department.ui.PreferencesView;
import com.rigsync.driver.ui.DriversView;
import com.rigsync.integration.SamsaraConnections;
import com.rigsync.integration.ui.SettingsView;
import com.rigsync.people.ui.ChangePasswordView;
import com.rigsync.people.ui.UsersView;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.Role;
import com.rigsync.security.SignedInUser;
import com.rigsync.sync.ui.SyncView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every screen. The navigation lists only the screens the signed-in role may open; the server
 * refuses the others anyway.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** Every screen that has a place in the navigation, in order. */
    private static final List<NavEntry> NAVIGATION = List.of(
            new NavEntry("Overview", VaadinIcon.HOME, OverviewView.class),
            new NavEntry("Apparatus", VaadinIcon.TRUCK, ApparatusView.class),
            new NavEntry("Setup > Settings", VaadinIcon.COG, SettingsView.class),
            new NavEntry("Setup > Sync", VaadinIcon.REFRESH, SyncView.class),
            new NavEntry("Setup > Drivers", VaadinIcon.USER_CARD, DriversView.class),
            new NavEntry("Departments", VaadinIcon.BUILDING, DepartmentsView.class),
            new NavEntry("Users", VaadinIcon.USERS, UsersView.class),
            new NavEntry("Preferences", VaadinIcon.SLIDERS, PreferencesView.class),
            new NavEntry("Audit log", VaadinIcon.LIST, AuditLogView.class));

    private final transient AuthenticationContext authenticationContext;
    private final transient CurrentUser currentUser;
    private final transient SamsaraConnections connections;
    /** Tells administrators and data managers on every screen that scheduled syncs wait for them. */
    private final Div syncPausedBanner = new Div();

    MainLayout(AuthenticationContext authenticationContext, AccessAnnotationChecker accessChecker,
               CurrentUser currentUser, SamsaraConnections connections) {
        this.authenticationContext = authenticationContext;
        this.currentUser = currentUser;
        this.connections = connections;
        setPrimarySection(Section.DRAWER);

        H1 title = new H1();
        title.addClassName("app-title");
        Image logo = new Image("images/rigsync.svg", "");
        title.add(logo);
        title.add("RigSync Assets");
        syncPausedBanner.setId("sync-paused-banner");
        syncPausedBanner.addClassName("sync-paused-banner");
        syncPausedBanner.getElement().setAttribute("role", "alert");
        syncPausedBanner.setVisible(false);
        addToNavbar(new DrawerToggle(), title, syncPausedBanner);

        SideNav nav = new SideNav();
        for (NavEntry entry : NAVIGATION) {
            if (accessChecker.hasAccess(entry.view()) && entry.isFor(currentUser)) {
                nav.addItem(new SideNavItem(entry.title(), entry.view(), entry.icon().create()));
            }
        }
        addToDrawer(nav, footer(currentUser));
    }

    /** One small query per navigation, for the roles that can fix the connection. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        boolean mayFix = currentUser.get().map(SignedInUser::role)
                .filter(role -> role == Role.ADMINISTRATOR || role == Role.DATA_MANAGER).isPresent();
        Optional<String> pausedReason = mayFix ? connections.pausedReasonForCurrentDepartment() : Optional.empty();
        syncPausedBanner.removeAll();
        syncPausedBanner.setVisible(pausedReason.isPresent());
        pausedReason.ifPresent(reason -> syncPausedBanner.add(new Span(reason + " "),
                new RouterLink("Open Setup > Settings", SettingsView.class)));
    }

    private Component footer(CurrentUser currentUser) {
        VerticalLayout footer = new VerticalLayout();
        footer.setPadding(false);
        footer.setSpacing(false);
        currentUser.get().ifPresent(user -> {
            Div who = new Div(user.displayName() + " · " + user.role().label());
            who.addClassName("signed-in-as");
            footer.add(who);
        });
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> authenticationContext.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button changePassword = new Button("Change password", VaadinIcon.KEY.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(ChangePasswordView.class)));
        changePassword.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        footer.add(changePassword, signOut);
        return footer;
    }

    private record NavEntry(String title, VaadinIcon icon, Class<? extends Component> view) {

        /** The overview is a department's page; Client Success staff start at Departments instead. */
        boolean isFor(CurrentUser currentUser) {
            return view != OverviewView.class
                    || currentUser.get().map(SignedInUser::departmentId).isPresent();
        }
    }
}
