package com.rigsync.alert;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.rigsync.SpringAppTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** People who chose the daily digest get one mail a day at the department's hour, with every alert held for them. */
@SpringAppTest
class AlertDigestTest {

    @Autowired
    private AlertEvaluation evaluation;
    @Autowired
    private AlertDigest digest;
    @Autowired
    private AlertOutbox outbox;
    @Autowired
    private GreenMail mailServer;
    @Autowired
    private JdbcTemplate jdbc;

    /** The stand-in secret is no real ciphertext: the key rotation test reads every stored secret. */
    @AfterEach
    void disconnect() {
        jdbc.update("update samsara_connection set auth_kind = null, secret_ciphertext = null, health = 'NOT_CONNECTED' "
                + "where secret_ciphertext = 'x'");
    }

    @Test
    void theDigestHourIsTheDepartmentsOwn() {
        // 12:00 UTC is 06:00 in Chicago: the last 07:00 there was the day before, 13:00 UTC
        assertThat(AlertDigest.lastDigestTime(Instant.parse("2026-12-05T12:00:00Z"), ZoneId.of("America/Chicago"), 7))
                .isEqualTo(Instant.parse("2026-12-04T13:00:00Z"));
        assertThat(AlertDigest.lastDigestTime(Instant.parse("2026-12-05T14:00:00Z"), ZoneId.of("America/Chicago"), 7))
                .isEqualTo(Instant.parse("2026-12-05T13:00:00Z"));
    }

    @Test
    void heldAlertsBecomeOneDigestMail() throws Exception {
        outbox.sendDue();
        mailServer.purgeEmailFromAllMailboxes();
        jdbc.update("insert ignore into department (name, samsara_entitled, created_at) values ('Digest FD', true, now())");
        long department = jdbc.queryForObject("select id from department where name = 'Digest FD'", Long.class);
        jdbc.update("""
                insert into samsara_connection (department_id, enabled, region, auth_kind, secret_ciphertext,
                    health, updated_by, updated_at) values (?, true, 'US', 'API_TOKEN', 'x', 'OK', 'test', now())
                on duplicate key update auth_kind = 'API_TOKEN', secret_ciphertext = 'x', health = 'OK'""",
                department);
        jdbc.update("insert ignore into app_user (department_id, username, display_name, password_hash, role, "
                + "created_at, email) values (?, 'digest-reader', 'Dee Digest', 'x', 'DATA_MANAGER', now(), "
                + "'dee@example.org')", department);
        long reader = jdbc.queryForObject("select id from app_user where username = 'digest-reader'", Long.class);
        jdbc.update("insert ignore into alert_choice (user_id, kind, delivery) values (?, 'NOT_REPORTING', "
                + "'DAILY_DIGEST')", reader);
        for (String unit : new String[] {"Quiet 1", "Quiet 2"}) {
            jdbc.update("insert ignore into apparatus (department_id, unit_name, type, status, samsara_vehicle_id) "
                    + "values (?, ?, 'ENGINE', 'IN_SERVICE', ?)", department, unit, "digest-" + unit);
        }
        jdbc.update("insert ignore into apparatus_telemetry (apparatus_id, read_at, synced_at) select id, "
                + "now() - interval 3 day, now() from apparatus where department_id = ?", department);

        evaluation.evaluate(department);
        outbox.sendDue();
        assertThat(jdbc.queryForList("select status from alert_mail where user_id = ?", String.class, reader))
                .containsExactly("HELD", "HELD");
        assertThat(mailServer.getReceivedMessages()).isEmpty();

        // the held lines are older than the last digest hour
        jdbc.update("update alert_mail set created_at = now(6) - interval 2 day where user_id = ?", reader);
        assertThat(digest.composeDue()).isEqualTo(1);
        assertThat(digest.composeDue()).as("once").isZero();
        outbox.sendDue();
        MimeMessage[] received = mailServer.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("RigSync daily digest: 2 alert update(s)");
        assertThat(GreenMailUtil.getBody(received[0])).contains("Apparatus not reporting (Quiet 1)",
                "Apparatus not reporting (Quiet 2)", "In a daily digest", "/alerts/settings");
        assertThat(Arrays.stream(received[0].getAllRecipients()).map(Object::toString)).containsExactly(
                "dee@example.org");
    }

    @Test
    void clientSuccessGetsOneDailyListOfDepartmentsWhoseIntegrationNeedsAttention() {
        jdbc.update("insert ignore into department (name, samsara_entitled, created_at) values ('Broken FD', true, "
                + "now())");
        long department = jdbc.queryForObject("select id from department where name = 'Broken FD'", Long.class);
        jdbc.update("insert into alert (department_id, kind, subject, subject_name, detail, fix_path, opened_at, "
                + "open_key) values (?, 'CONNECTION', 'connection', 'Samsara connection', 'Samsara answered 401', "
                + "'/setup/settings', now(6), 'cs-digest-test')", department);
        long success = jdbc.queryForObject("select id from app_user where username = 'success'", Long.class);
        jdbc.update("delete from alert_mail where user_id = ? and purpose = 'DIGEST'", success);
        try {
            assertThat(digest.composeClientSuccessDue()).isPositive();
            String body = jdbc.queryForObject("select body from alert_mail where user_id = ? and purpose = 'DIGEST'",
                    String.class, success);
            assertThat(body).contains("- Broken FD: Samsara connection needs attention").contains("/departments")
                    .contains("because you are a Client Success user");
            assertThat(digest.composeClientSuccessDue()).as("one digest a day").isZero();
        } finally {
            jdbc.update("delete from alert_mail where user_id = ? and purpose = 'DIGEST'", success);
            jdbc.update("delete from alert where open_key = 'cs-digest-test'");
            jdbc.update("delete from department where id = ?", department);
        }
    }
}
