package com.rigsync.security;

import com.rigsync.testing.SignIn;
import com.rigsync.SpringAppTest;
import com.rigsync.audit.AuditEntry;
import com.rigsync.audit.AuditService;
import com.rigsync.department.DepartmentService;
import com.rigsync.people.PeopleService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The services themselves keep departments apart and refuse roles, whatever a screen would have shown. */
@SpringAppTest
class TenancyTest {


    @Autowired
    private DepartmentService departments;
    @Autowired
    private AuditService audit;
    @Autowired
    private PeopleService people;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void signInAs(String username) {
        SignIn.as(users, username);
    }

    private long departmentId(String name) {
        return jdbc.queryForObject("select id from department where name = ?", Long.class, name);
    }

    @Test
    void eachAdministratorReadsOnlyTheirOwnDepartmentsAuditLog() {
        long springfield = departmentId("Springfield Fire Rescue");
        long shelbyville = departmentId("Shelbyville Fire Department");
        jdbc.update("insert into audit_event (department_id, actor, action, detail, at) "
                + "values (?, 'success', 'ENTITLEMENT_ON', 'springfield-only event', now())", springfield);
        jdbc.update("insert into audit_event (department_id, actor, action, detail, at) "
                + "values (?, 'success', 'ENTITLEMENT_OFF', 'shelbyville-only event', now())", shelbyville);

        signInAs("shelbyville-admin");
        assertThat(audit.departmentLog(null, null)).extracting(AuditEntry::detail)
                .contains("shelbyville-only event").doesNotContain("springfield-only event");
        assertThat(departments.myDepartment().name()).isEqualTo("Shelbyville Fire Department");

        signInAs("admin");
        assertThat(audit.departmentLog(null, null)).extracting(AuditEntry::detail)
                .contains("springfield-only event").doesNotContain("shelbyville-only event");
        assertThat(departments.myDepartment().name()).isEqualTo("Springfield Fire Rescue");
    }

    @Test
    void departmentStaffCannotUseClientSuccessServices() {
        long shelbyville = departmentId("Shelbyville Fire Department");
        for (String username : new String[] {"admin", "manager", "member"}) {
            signInAs(username);
            assertThatThrownBy(() -> departments.departments()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> departments.changeSamsaraEntitlement(shelbyville, true, 0, "test", null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> departments.createDepartment("Rogue Fire", "rogue", "Rogue"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> people.createFirstAdministrator(shelbyville, "rogue-admin", "Rogue"))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(jdbc.queryForObject("select samsara_entitled from department where id = ?", Boolean.class,
                shelbyville)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from app_user where username like 'rogue%'", Integer.class))
                .isZero();
    }

    @Test
    void onlyAdministratorsReadTheAuditLog() {
        for (String username : new String[] {"manager", "member", "success"}) {
            signInAs(username);
            assertThatThrownBy(() -> audit.departmentLog(null, null)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void clientSuccessHasNoDepartmentOfTheirOwn() {
        signInAs("success");
        assertThatThrownBy(() -> departments.myDepartment()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodySignedInIsRefusedEverything() {
        assertThatThrownBy(() -> departments.departments())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> departments.myDepartment())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
