package com.rigsync.security;

import com.rigsync.KaribuTest;
import com.rigsync.apparatus.ui.OverviewView;
import com.rigsync.audit.ui.AuditLogView;
import com.rigsync.clientsuccess.ui.DepartmentsView;
import com.rigsync.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NavigationTest extends KaribuTest {

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        navigate("departments");
        _assertOne(LoginView.class);
        _assertNone(DepartmentsView.class);
    }

    @Test
    void clientSuccessSeesDepartmentsAndUsers() {
        signIn("success");
        _assertOne(DepartmentsView.class);
        assertThat(navigationLabels()).containsExactly("Departments", "Users");
    }

    @Test
    void administratorSeesEverythingOfTheirDepartment() {
        signIn("admin");
        _assertOne(OverviewView.class);
        assertThat(navigationLabels()).containsExactly("Overview", "Apparatus", "Setup > Settings", "Setup > Sync",
                "Setup > Drivers", "Users", "Preferences", "Audit log");
    }

    @Test
    void dataManagersSeeTheOverviewApparatusAndSettings() {
        signIn("manager");
        _assertOne(OverviewView.class);
        assertThat(navigationLabels()).containsExactly("Overview", "Apparatus", "Setup > Settings", "Setup > Sync",
                "Setup > Drivers");
    }

    @Test
    void membersSeeTheOverviewAndApparatus() {
        signIn("member");
        _assertOne(OverviewView.class);
        assertThat(navigationLabels()).containsExactly("Overview", "Apparatus");
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
