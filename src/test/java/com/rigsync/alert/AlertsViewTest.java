package com.rigsync.alert;

import com.rigsync.KaribuTest;
import com.rigsync.alert.ui.AlertsView;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The open-alerts figure, the Alerts page with each alert's history, and Alert settings, per role. */
class AlertsViewTest extends KaribuTest {

    @Autowired
    private JdbcTemplate jdbc;

    private long springfield;

    @BeforeEach
    void alerts() {
        springfield = jdbc.queryForObject("select id from department where name = 'Springfield Fire Rescue'",
                Long.class);
        jdbc.update("delete from alert_mail where alert_id in (select id from alert where department_id = ?)",
                springfield);
        jdbc.update("delete from alert where department_id = ?", springfield);
        jdbc.update("insert into alert (department_id, kind, subject, subject_name, detail, fix_path, opened_at, "
                + "open_key) values (?, 'CONNECTION', 'connection', 'Samsara connection', 'Samsara rejected the "
                + "saved access token.', '/setup/settings', now(6), ?)", springfield, springfield + ":CONNECTION:x");
        jdbc.update("insert into alert (department_id, kind, subject, subject_name, detail, fix_path, opened_at, "
                + "open_key) values (?, 'NOT_REPORTING', '1', 'Truck 2', 'Truck 2 has not reported for more than 24 "
                + "hours.', '/apparatus/1', now(6), ?)", springfield, springfield + ":NOT_REPORTING:x");
        long alert = jdbc.queryForObject("select id from alert where subject_name = 'Truck 2' and department_id = ?",
                Long.class, springfield);
        long admin = jdbc.queryForObject("select id from app_user where username = 'admin'", Long.class);
        jdbc.update("insert into alert_mail (alert_id, user_id, address, purpose, mail_subject, body, created_at, "
                + "status, next_attempt_at, attempts, last_error) values (?, ?, 'admin@example.org', 'OPENED', 's', "
                + "'b', now(6), 'WAITING', now(6) + interval 1 hour, 2, 'Mail server unreachable')", alert, admin);
    }

    @Test
    void administratorsSeeEveryOpenAlertWithWhoWasMailedAndWhyMailWaits() {
        signIn("admin");
        assertThat(_get(RouterLink.class, spec -> spec.withId("open-alerts")).getText()).isEqualTo("2 open alerts");
        navigate("alerts");
        assertThat(_find(Details.class)).hasSize(2);
        assertThat(_get(Paragraph.class, spec -> spec.withId("alert-mail-waiting")).getText())
                .contains("1 alert mail is waiting to be sent: Mail server unreachable");
        Details truck = _find(Details.class).stream()
                .filter(d -> d.getElement().getTextRecursively().contains("Truck 2")).findFirst().orElseThrow();
        assertThat(truck.getElement().getTextRecursively()).contains("Mailed to Alex Admin: waiting to be sent",
                "tried 2 time(s)", "Fix it on the apparatus page");
    }

    @Test
    void membersSeeOnlyApparatusAlertsAndChooseOnlyThoseKinds() {
        signIn("member");
        assertThat(_get(RouterLink.class, spec -> spec.withId("open-alerts")).getText()).isEqualTo("1 open alert");
        navigate("alerts");
        assertThat(_find(Details.class)).singleElement()
                .satisfies(d -> assertThat(d.getElement().getTextRecursively()).contains("Truck 2"));
        navigate("alerts/settings");
        assertThat(_find(Select.class)).extracting(Select::getLabel).containsExactly(
                AlertKind.FAULT_CODE.label(), AlertKind.NOT_REPORTING.label());
    }

    @Test
    void anInvalidOwnAddressIsRefusedWithTheReasonAndTheSavedOneStays() {
        signIn("manager");
        navigate("alerts/settings");
        EmailField email = _get(EmailField.class);
        assertThat(email.getValue()).isEqualTo("manager@example.org");
        email.setValue("manager at example.org");
        _click(_get(Button.class, spec -> spec.withText("Save address")));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("'manager at example.org' is not an e-mail address: it has no @.");
        assertThat(jdbc.queryForObject("select email from app_user where username = 'manager'", String.class))
                .isEqualTo("manager@example.org");
    }

    @Test
    void clientSuccessHasNoDepartmentAlertsFigure() {
        signIn("success");
        assertThat(_find(RouterLink.class, spec -> spec.withId("open-alerts"))).isEmpty();
        assertThat(AlertsView.class).isNotNull();
    }
}
