package com.rigsync.clientsuccess;

import java.util.List;

import com.rigsync.SpringAppTest;
import com.rigsync.apparatus.ApparatusService;
import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditEntry;
import com.rigsync.audit.AuditService;
import com.rigsync.department.DepartmentService;
import com.rigsync.integration.SamsaraSettingsService;
import com.rigsync.people.DepartmentAdministrator;
import com.rigsync.people.DepartmentHelp;
import com.rigsync.people.NewAccount;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client Success helping a locked-out department, at the service level: only administrators are within reach, each
 * step lands in the department's audit log by name, and nothing lets Client Success read a token, change apparatus
 * or touch the department's other people; department roles cannot use any of it.
 */
@SpringAppTest
class DepartmentHelpTest {

    @Autowired
    private DepartmentHelp help;
    @Autowired
    private IntegrationSupport integration;
    @Autowired
    private DepartmentDirectory directory;
    @Autowired
    private DepartmentService departments;
    @Autowired
    private ApparatusService apparatus;
    @Autowired
    private SamsaraSettingsService samsaraSettings;
    @Autowired
    private AuditService audit;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private AuthenticationConfiguration authentication;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aLockedOutAdministratorIsHelpedBackInAndTheDepartmentSeesWhoDidIt() throws Exception {
        long department = newDepartment(unique("Evergreen Terrace Fire"));
        SignIn.as(users, "success");
        NewAccount added = help.addAdministrator(department, "evergreen-chief", "Erin Evergreen");
        // five failed sign-ins paused the new administrator
        jdbc.update("insert into sign_in_throttle (username, client_address, failures, last_failure_at, locked_until)"
                + " values ('evergreen-chief', '10.0.0.7', 5, now(6), date_add(utc_timestamp(6), interval 15 minute))");
        DepartmentAdministrator locked = only(help.administrators(department));
        assertThat(locked.signInPausedUntil()).isNotNull();

        help.liftSignInPause(department, locked.id(), locked.version());
        NewAccount reset = help.resetAdministratorPassword(department, locked.id(), locked.version());

        assertThat(only(help.administrators(department)).signInPausedUntil()).isNull();
        assertThat(reset.password().reveal()).isNotEqualTo(added.password().reveal());
        AuthenticationManager manager = authentication.getAuthenticationManager();
        assertThat(manager.authenticate(new UsernamePasswordAuthenticationToken("evergreen-chief",
                reset.password().reveal())).isAuthenticated()).isTrue();

        SignIn.as(users, "evergreen-chief");
        assertThat(audit.departmentLog(null, null)).extracting(AuditEntry::action, AuditEntry::detail)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.ADMINISTRATOR_ADDED_BY_CLIENT_SUCCESS,
                                "Erin Evergreen added as Administrator with a one-time password by Client Success: "
                                        + "Casey Success"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.SIGN_IN_UNLOCKED,
                                "signing in was paused after failed attempts; lifted by Client Success: "
                                        + "Casey Success"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.PASSWORD_RESET_BY_CLIENT_SUCCESS,
                                "one-time password issued by Client Success: Casey Success; to be changed at the "
                                        + "next sign-in"));
    }

    @Test
    void badRequestsAreRefusedWithTheReason() {
        String sprawlburg = unique("Sprawlburg Fire");
        long department = newDepartment(sprawlburg);
        long other = newDepartment(unique("Little Pwagmattasquarmsettport Fire"));
        jdbc.update("insert into app_user (department_id, username, display_name, password_hash, role, created_at)"
                + " values (?, 'sprawl-data', 'Dana Data', '{noop}x', 'DATA_MANAGER', now())", department);
        long dataManager = jdbc.queryForObject("select id from app_user where username = 'sprawl-data'", Long.class);
        SignIn.as(users, "success");
        help.addAdministrator(department, "sprawl-chief", "Sam Sprawl");
        DepartmentAdministrator chief = only(help.administrators(department));

        assertThatThrownBy(() -> help.resetAdministratorPassword(department, dataManager, 0))
                .hasMessage("Dana Data is a Data manager; Client Success helps only the department's administrators, "
                        + "who manage everyone else.");
        assertThatThrownBy(() -> help.resetAdministratorPassword(other, chief.id(), chief.version()))
                .hasMessage("That person is not in this department.");
        assertThatThrownBy(() -> help.resetAdministratorPassword(department, chief.id(), chief.version() + 1))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThatThrownBy(() -> help.liftSignInPause(department, chief.id(), chief.version()))
                .hasMessage("Sam Sprawl's sign-in is not paused.");
        assertThatThrownBy(() -> help.addAdministrator(department, "sprawl-chief", "Someone Else"))
                .hasMessage("The username 'sprawl-chief' is taken; choose another.");
        assertThatThrownBy(() -> departments.createDepartment(sprawlburg, "x-admin", "X"))
                .hasMessage("A department named '" + sprawlburg + "' already exists.");
        // only the department's administrators are within reach
        assertThat(help.administrators(department)).extracting(DepartmentAdministrator::username)
                .containsExactly("sprawl-chief");
    }

    @Test
    void clientSuccessCannotReadATokenOrTouchApparatus() {
        SignIn.as(users, "success");
        assertThatThrownBy(() -> samsaraSettings.settings()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> samsaraSettings.removeToken(0L)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> apparatus.details(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> apparatus.delete(1, 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> apparatus.count(null)).isInstanceOf(AccessDeniedException.class);
        // what support does see carries no secret
        long springfield = jdbc.queryForObject("select id from department where name = 'Springfield Fire Rescue'",
                Long.class);
        assertThat(integration.facts(springfield).orElseThrow().toString())
                .doesNotContain("samsara-demo-global-read").doesNotContain("v1:");
    }

    @Test
    void departmentRolesCannotUseTheConsole() {
        long springfield = jdbc.queryForObject("select id from department where name = 'Springfield Fire Rescue'",
                Long.class);
        for (String username : List.of("admin", "manager", "member")) {
            SignIn.as(users, username);
            assertThatThrownBy(() -> help.administrators(springfield)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> help.addAdministrator(springfield, "sneaky", "Sneaky"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> help.resetAdministratorPassword(springfield, 1, 0))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> help.liftSignInPause(springfield, 1, 0))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> integration.facts(springfield)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> directory.count("", DepartmentShown.ALL))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> departments.entitlementHistory(springfield))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> departments.changeSamsaraEntitlement(springfield, false, 0, "why", null))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    private static DepartmentAdministrator only(List<DepartmentAdministrator> administrators) {
        assertThat(administrators).hasSize(1);
        return administrators.getFirst();
    }

    private long newDepartment(String name) {
        jdbc.update("insert into department (name, samsara_entitled, created_at) values (?, true, now())", name);
        return jdbc.queryForObject("select id from department where name = ?", Long.class, name);
    }

    /** Names no other test uses, even when a test runs twice against one database. */
    private static String unique(String name) {
        return name + " " + Long.toString(System.nanoTime() % 1_000_000, 36);
    }
}
