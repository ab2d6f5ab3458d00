package com.rigsync.security;

import java.util.List;

import com.rigsync.KaribuTest;
import com.rigsync.apparatus.ui.OverviewView;
import com.rigsync.audit.ui.AuditLogView;
import com.rigsync.clientsuccess.ui.DepartmentsView;
import com.rigsync.security.ui.LoginView;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class NavigationTest extends KaribuTest {

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        navigate("departments");
        _assertOne(LoginView.class);
        _assertNone(DepartmentsView.class);
    }

    @Test
    void clientSuccessSeesDepartmentsAndUsersAndNoAssetsSection() {
        signIn("success");
        _assertOne(DepartmentsView.class);
        assertThat(navigationLabels()).containsExactly("Departments", "Users");
        assertThat(_find(SideNav.class)).extracting(SideNav::getLabel).containsOnlyNulls();
    }

    @Test
    void administratorSeesEverythingOfTheirDepartment() {
        signIn("admin");
        _assertOne(OverviewView.class);
        assertThat(navigationLabels()).containsExactly("Assets > Overview", "Assets > Apparatus", "Assets > Setup",
                "Alerts", "Users", "Preferences", "Audit log");
    }

    @Test
    void dataManagersSeeTheAssetsSectionWithSetup() {
        signIn("manager");
        _assertOne(OverviewView.class);
        assertThat(navigationLabels()).containsExactly("Assets > Overview", "Assets > Apparatus", "Assets > Setup",
                "Alerts");
    }

    @Test
    void membersSeeTheOverviewAndApparatus() {
        signIn("member");
        _assertOne(OverviewView.class);
        assertThat(navigationLabels()).containsExactly("Assets > Overview", "Assets > Apparatus", "Alerts");
    }

    @ParameterizedTest
    @CsvSource({"admin", "manager"})
    void setupOpensItsFirstTabAndStaysCurrentOnEachTab(String username) {
        signIn(username);
        SideNavItem setup = navigationItem("Setup");
        assertThat(setup.getPath()).isEqualTo("setup/settings");
        assertThat(setup.getPathAliases()).containsExactlyInAnyOrder("setup/sync", "setup/drivers");
    }

    @ParameterizedTest
    @CsvSource({
            "admin,   setup/settings, Settings",
            "admin,   setup/sync,     Sync",
            "admin,   setup/drivers,  Drivers",
            "manager, setup/settings, Settings",
            "manager, setup/sync,     Sync",
            "manager, setup/drivers,  Drivers"})
    void setupScreensShowTheirTabsWithTheCurrentOneSelected(String username, String location, String current) {
        signIn(username);
        navigate(location);
        Tabs tabs = _get(Tabs.class, spec -> spec.withId("screen-tabs"));
        List<RouterLink> links = tabLinks(tabs);
        assertThat(links).extracting(RouterLink::getText).containsExactly("Settings", "Sync", "Drivers");
        assertThat(links).extracting(RouterLink::getHref)
                .containsExactly("setup/settings", "setup/sync", "setup/drivers");
        assertThat(tabLinks(tabs).get(tabs.getSelectedIndex()).getText()).isEqualTo(current);
    }

    @ParameterizedTest
    @CsvSource({"admin, ''", "admin, apparatus", "admin, users", "member, apparatus", "success, departments"})
    void screensOutsideSetupHaveNoTabs(String username, String location) {
        signIn(username);
        navigate(location);
        _assertNone(Tabs.class);
    }

    @ParameterizedTest
    @CsvSource({
            "admin,   '',              Assets › Overview",
            "member,  '',              Assets › Overview",
            "admin,   apparatus,       Assets › Apparatus",
            "member,  apparatus,       Assets › Apparatus",
            "manager, setup/settings,  Assets › Setup › Settings",
            "manager, setup/sync,      Assets › Setup › Sync",
            "admin,   setup/drivers,   Assets › Setup › Drivers",
            "admin,   users,           Users",
            "admin,   preferences,     Preferences",
            "admin,   audit-log,       Audit log",
            "success, departments,     Departments",
            "success, users,           Users",
            "admin,   change-password, Change password"})
    void everyScreenShowsItsBreadcrumb(String username, String location, String breadcrumb) {
        signIn(username);
        navigate(location);
        assertThat(String.join(" › ", crumbs())).isEqualTo(breadcrumb);
        ListItem last = _find(_get(Nav.class, spec -> spec.withId("breadcrumbs")), ListItem.class).getLast();
        assertThat(_get(last, Span.class).getElement().getAttribute("aria-current")).isEqualTo("page");
    }

    @Test
    void theBreadcrumbLeadsToSetupButNotToTheAssetsHeading() {
        signIn("manager");
        navigate("setup/drivers");
        Nav breadcrumbs = _get(Nav.class, spec -> spec.withId("breadcrumbs"));
        assertThat(_find(breadcrumbs, RouterLink.class)).extracting(RouterLink::getText, RouterLink::getHref)
                .containsExactly(tuple("Setup", "setup/settings"));
    }

    @ParameterizedTest
    @CsvSource({"admin", "manager", "member", "shelbyville-admin"})
    void departmentStaffTypingTheDepartmentsAddressAreRefused(String username) {
        signIn(username);
        assertRefused("departments");
        _assertNone(DepartmentsView.class);
    }

    @ParameterizedTest
    @CsvSource({"success", "manager", "member"})
    void onlyAdministratorsOpenTheAuditLog(String username) {
        signIn(username);
        assertRefused("audit-log");
        _assertNone(AuditLogView.class);
    }

    private static SideNavItem navigationItem(String label) {
        return _find(SideNavItem.class).stream().filter(item -> label.equals(item.getLabel())).findFirst()
                .orElseThrow();
    }

    private static List<RouterLink> tabLinks(Tabs tabs) {
        return tabs.getChildren().map(tab -> _get(tab, RouterLink.class)).toList();
    }

    /** The names in the breadcrumb, in order. */
    private static List<String> crumbs() {
        return _find(_get(Nav.class, spec -> spec.withId("breadcrumbs")), ListItem.class).stream()
                .map(item -> item.getElement().getTextRecursively()).toList();
    }

    /** The server's navigation access control refuses the route (Karibu reports it instead of rendering the error page). */
    private void assertRefused(String location) {
        assertThatThrownBy(() -> navigate(location)).hasMessageContaining("Access is denied");
    }

    @Test
    void clientSuccessCannotOpenApparatus() {
        signIn("success");
        assertRefused("apparatus");
    }

    @Test
    void administratorOpensTheAuditLogByAddress() {
        signIn("admin");
        navigate("audit-log");
        _assertOne(AuditLogView.class);
    }
}
