package com.rigsync.alert;

import com.rigsync.SpringAppTest;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each person's choices, the department's defaults (administrators, audited) and what members may choose. */
@SpringAppTest
class AlertChoicesTest {

    @Autowired
    private AlertChoices choices;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void defaultsApplyUntilAPersonChoosesAndChangingThemIsAudited() {
        SignIn.as(users, "admin");
        choices.setDepartmentDefault(AlertKind.NEEDS_REVIEW, Delivery.DAILY_DIGEST);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'ALERT_DEFAULTS_CHANGED' "
                + "and detail like '%Right away → In a daily digest%'", Integer.class)).isPositive();

        SignIn.as(users, "manager");
        jdbc.update("delete from alert_choice where user_id = (select id from app_user where username = 'manager')");
        assertThat(choices.mine()).containsEntry(AlertKind.NEEDS_REVIEW, Delivery.DAILY_DIGEST);
        choices.chooseMine(AlertKind.NEEDS_REVIEW, Delivery.NONE);
        assertThat(choices.mine()).containsEntry(AlertKind.NEEDS_REVIEW, Delivery.NONE);

        SignIn.as(users, "admin");
        choices.setDepartmentDefault(AlertKind.NEEDS_REVIEW, Delivery.RIGHT_AWAY);
    }

    @Test
    void membersChooseFaultAndNotReportingAlertsOnly() {
        SignIn.as(users, "member");
        assertThat(choices.mine()).containsOnlyKeys(AlertKind.FAULT_CODE, AlertKind.NOT_REPORTING);
        choices.chooseMine(AlertKind.FAULT_CODE, Delivery.DAILY_DIGEST);
        assertThatThrownBy(() -> choices.chooseMine(AlertKind.CONNECTION, Delivery.RIGHT_AWAY))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Members may choose fault code and not-reporting alerts only.");
        assertThatThrownBy(() -> choices.setDepartmentDefault(AlertKind.FAULT_CODE, Delivery.NONE))
                .isInstanceOf(AccessDeniedException.class);
        choices.chooseMine(AlertKind.FAULT_CODE, Delivery.RIGHT_AWAY);
    }
}
