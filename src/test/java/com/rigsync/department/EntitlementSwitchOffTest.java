package com.rigsync.department;

import java.time.LocalDate;

import com.rigsync.SpringAppTest;
import com.rigsync.audit.AuditAction;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A switch-off at a contract's end really happens on its day, once, and the history says who, when and why. */
@SpringAppTest
class EntitlementSwitchOffTest {

    @Autowired
    private DepartmentService departments;
    @Autowired
    private EntitlementSwitchOff switchOff;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theSwitchOffWaitsForItsDayThenHappensOnce() {
        long id = newDepartment("Springfield Heights Fire", true);
        SignIn.as(users, "success");
        departments.changeSamsaraEntitlement(id, false, version(id), "Contract ends", LocalDate.now().plusDays(3));
        SecurityContextHolder.clearContext();

        switchOff.applyDue();
        assertThat(entitled(id)).isTrue();

        // the contract's end comes
        jdbc.update("update entitlement_change set effective_on = ? where department_id = ?",
                LocalDate.now().minusDays(1), id);
        switchOff.applyDue();
        switchOff.applyDue();

        assertThat(entitled(id)).isFalse();
        assertThat(jdbc.queryForList("select action from audit_event where department_id = ? order by id",
                String.class, id)).containsExactly(AuditAction.ENTITLEMENT_OFF_SCHEDULED.name(),
                AuditAction.ENTITLEMENT_OFF.name());
        assertThat(jdbc.queryForObject("select detail from audit_event where department_id = ? and action = ?",
                String.class, id, AuditAction.ENTITLEMENT_OFF.name()))
                .contains("as planned by Client Success: Casey Success. Reason: Contract ends");

        SignIn.as(users, "success");
        assertThat(departments.entitlementHistory(id)).singleElement().satisfies(change -> {
            assertThat(change.entitled()).isFalse();
            assertThat(change.requestedBy()).isEqualTo("by Client Success: Casey Success");
            assertThat(change.status()).isEqualTo("In effect");
        });
    }

    @Test
    void includingAgainCancelsAWaitingSwitchOff() {
        long id = newDepartment("Capital City Rescue", true);
        SignIn.as(users, "success");
        departments.changeSamsaraEntitlement(id, false, version(id), "Contract ends", LocalDate.now().plusDays(3));
        departments.changeSamsaraEntitlement(id, true, version(id), "Renewed after all", null);
        jdbc.update("update entitlement_change set effective_on = ? where department_id = ?",
                LocalDate.now().minusDays(1), id);

        switchOff.applyDue();

        assertThat(entitled(id)).isTrue();
        assertThat(departments.entitlementHistory(id)).extracting(EntitlementChange::status)
                .containsExactly("In effect", "Replaced by a later change");
    }

    @Test
    void aStalePageAndBadInputAreRefusedWithTheReason() {
        long id = newDepartment("Brockway Rescue", true);
        SignIn.as(users, "success");
        long stale = version(id);
        departments.changeSamsaraEntitlement(id, false, stale, "Contract ends", LocalDate.now().plusDays(3));

        assertThatThrownBy(() -> departments.changeSamsaraEntitlement(id, false, stale, "Again", null))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThatThrownBy(() -> departments.changeSamsaraEntitlement(id, false, version(id), " ", null))
                .hasMessage("Say why the plan changes (the department's administrators read it).");
        assertThatThrownBy(() -> departments.changeSamsaraEntitlement(id, false, version(id), "Late",
                LocalDate.now().minusDays(2)))
                .hasMessageStartingWith("The switch-off day ").hasMessageEndingWith(" has passed; choose today or a later day.");
        assertThat(entitled(id)).isTrue();
    }

    private long newDepartment(String name, boolean entitled) {
        jdbc.update("insert into department (name, samsara_entitled, created_at) values (?, ?, now())", name, entitled);
        return jdbc.queryForObject("select id from department where name = ?", Long.class, name);
    }

    private long version(long id) {
        return jdbc.queryForObject("select version from department where id = ?", Long.class, id);
    }

    private boolean entitled(long id) {
        return jdbc.queryForObject("select samsara_entitled from department where id = ?", Boolean.class, id);
    }
}
