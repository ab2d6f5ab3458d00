package com.rigsync.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.rigsync.SpringAppTest;
import com.rigsync.base.PublicBaseUrl;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts from condition to mailbox, through the real outbox and a real SMTP server (the embedded GreenMail): each
 * condition opens one alert, mailed once to the people who chose it, and resolves by itself with one short mail.
 */
@SpringAppTest
class AlertLifecycleTest {

    @Autowired
    private AlertEvaluation evaluation;
    @Autowired
    private AlertOutbox outbox;
    @Autowired
    private GreenMail mailServer;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PublicBaseUrl baseUrl;

    private long department;
    private long otherDepartment;
    private long pumper;

    @BeforeEach
    void department() throws Exception {
        // mails left by other tests are sent now, so this test reads only its own
        outbox.sendDue();
        mailServer.purgeEmailFromAllMailboxes();
        department = departmentNamed("Alert Lifecycle FD", true);
        otherDepartment = departmentNamed("Alert Neighbour FD", true);
        connect(department, "OK");
        connect(otherDepartment, "OK");
        person("al-admin", "Ada Admin", "ADMINISTRATOR", department, "ada@example.org");
        person("al-member", "Mel Member", "MEMBER", department, "mel@example.org");
        person("al-manager", "Nobody Mailed", "DATA_MANAGER", department, null);
        person("al-neighbour", "Ned Neighbour", "ADMINISTRATOR", otherDepartment, "ned@example.org");
        pumper = apparatus(department, "Pumper 9", "al-v1");
        apparatus(otherDepartment, "Pumper 9", "al-v2");
        jdbc.update("delete from alert_mail where alert_id in (select id from alert where department_id in (?, ?))",
                department, otherDepartment);
        jdbc.update("delete from alert where department_id in (?, ?)", department, otherDepartment);
    }

    /** {@code text} ending its line, so the link in it is whole. */
    private static String wholeLink(String text) {
        return Pattern.quote(text) + "(\\R|$)";
    }

    /** Opens {@code url} as a mail program's click would, following redirects. */
    private static HttpResponse<Void> opened(String url) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    /** The stand-in secret is no real ciphertext: the key rotation test reads every stored secret. */
    @AfterEach
    void disconnect() {
        jdbc.update("update samsara_connection set auth_kind = null, secret_ciphertext = null, health = 'NOT_CONNECTED' "
                + "where secret_ciphertext = 'x'");
    }

    @Test
    void aConditionOpensOnceIsMailedOnceAndResolvesByItself() throws Exception {
        // Pumper 9 reported an hour ago, with a check-engine fault code
        jdbc.update("update apparatus_telemetry set read_at = now(6) - interval 1 hour where apparatus_id = ?", pumper);
        jdbc.update("insert into apparatus_fault_code (apparatus_id, source, code, description, lamps, read_at) "
                + "values (?, 'OBD_II', 'P0420', 'Catalyst efficiency below threshold', 'Check engine (MIL)', now(6))",
                pumper);

        evaluation.evaluate(department);
        evaluation.evaluate(department);
        evaluation.evaluate(otherDepartment);
        assertThat(jdbc.queryForList("select kind from alert where department_id = ? and resolved_at is null",
                String.class, department)).containsExactly("FAULT_CODE");
        outbox.sendDue();
        outbox.sendDue();

        List<MimeMessage> ada = mailTo("ada@example.org");
        assertThat(ada).hasSize(1);
        assertThat(ada.getFirst().getSubject()).isEqualTo("RigSync alert: New fault code with a warning lamp (Pumper 9, P0420)");
        String body = GreenMailUtil.getBody(ada.getFirst());
        assertThat(body).contains("Pumper 9 has a new active fault code P0420",
                "You get this because you are an administrator");
        // links a mail program can open: full addresses of this RigSync, which answer
        String apparatusPage = baseUrl.get() + "/apparatus/" + pumper;
        assertThat(baseUrl.get()).matches("https?://[^/\\s]+");
        assertThat(body).containsPattern(wholeLink("Fix it on the apparatus page: " + apparatusPage))
                .containsPattern(wholeLink("Alert settings: " + baseUrl.get() + "/alerts/settings"));
        assertThat(opened(apparatusPage)).as("what the apparatus link answers someone not signed in")
                .satisfies(answer -> assertThat(answer.statusCode()).isEqualTo(200))
                .satisfies(answer -> assertThat(answer.uri().getPath()).isEqualTo("/login"));
        assertThat(mailTo("mel@example.org")).hasSize(1);
        assertThat(mailTo("ned@example.org")).as("another department's alert").isEmpty();

        // the fault clears: the alert resolves, and only those told of it hear so, once
        jdbc.update("delete from apparatus_fault_code where apparatus_id = ?", pumper);
        evaluation.evaluate(department);
        evaluation.evaluate(department);
        outbox.sendDue();
        assertThat(mailTo("ada@example.org")).extracting(MimeMessage::getSubject).containsExactly(
                "RigSync alert: New fault code with a warning lamp (Pumper 9, P0420)",
                "Resolved: New fault code with a warning lamp (Pumper 9, P0420)");
        assertThat(GreenMailUtil.getBody(mailTo("ada@example.org").getLast()))
                .containsPattern(wholeLink("All alerts: " + baseUrl.get() + "/alerts"));
        assertThat(jdbc.queryForObject("select count(*) from alert where department_id = ? and resolved_at is null",
                Integer.class, department)).isZero();
        assertThat(mailServer.getReceivedMessages()).hasSize(4);
    }

    @Test
    void aRejectedTokenAlertsThoseWhoFixItNotMembersAndEntitlementOffEndsIt() throws Exception {
        jdbc.update("update apparatus_telemetry set read_at = now(6) where apparatus_id = ?", pumper);
        jdbc.update("update samsara_connection set health = 'NEEDS_ATTENTION' where department_id = ?", department);
        evaluation.evaluate(department);
        outbox.sendDue();
        assertThat(mailTo("ada@example.org")).extracting(MimeMessage::getSubject)
                .containsExactly("RigSync alert: Samsara connection needs attention (Samsara connection)");
        assertThat(GreenMailUtil.getBody(mailTo("ada@example.org").getFirst()))
                .containsPattern(wholeLink("Fix it on Setup > Settings: " + baseUrl.get() + "/setup/settings"));
        assertThat(mailTo("mel@example.org")).as("members choose apparatus alerts only").isEmpty();

        jdbc.update("update department set samsara_entitled = false where id = ?", department);
        evaluation.evaluate(department);
        assertThat(jdbc.queryForObject("select count(*) from alert where department_id = ? and resolved_at is null",
                Integer.class, department)).isZero();
        jdbc.update("update department set samsara_entitled = true where id = ?", department);
    }

    @Test
    void aLinkedApparatusNoSyncHasReadYetIsNotCalledSilent() {
        apparatus(department, "Pumper 10", "al-v3");
        long fresh = jdbc.queryForObject("select id from apparatus where unit_name = 'Pumper 10' and department_id = ?",
                Long.class, department);
        jdbc.update("update apparatus_telemetry set read_at = null, synced_at = null where apparatus_id = ?", fresh);
        evaluation.evaluate(department);
        assertThat(jdbc.queryForList("select subject_name from alert where department_id = ? and resolved_at is null",
                String.class, department)).doesNotContain("Pumper 10");
        jdbc.update("update apparatus_telemetry set synced_at = now(6) where apparatus_id = ?", fresh);
        evaluation.evaluate(department);
        assertThat(jdbc.queryForList("select subject_name from alert where department_id = ? and resolved_at is null",
                String.class, department)).contains("Pumper 10");
        jdbc.update("update apparatus set samsara_vehicle_id = null where id = ?", fresh);
    }

    @Test
    void aSilentApparatusAndFailingSyncsEachOpenOneAlert() throws Exception {
        jdbc.update("update apparatus_telemetry set read_at = now(6) - interval 3 day where apparatus_id = ?", pumper);
        for (int i = 0; i < 3; i++) {
            jdbc.update("insert into sync_run (department_id, trigger_kind, started_at, finished_at, outcome, error) "
                    + "values (?, 'SCHEDULED', now(6) - interval ? minute, now(6) - interval ? minute, 'FAILED', "
                    + "'Samsara could not be reached')", department, 30 - i, 29 - i);
        }
        evaluation.evaluate(department);
        evaluation.evaluate(department);
        assertThat(jdbc.queryForList("select kind from alert where department_id = ? and resolved_at is null "
                + "order by kind", String.class, department)).containsExactly("NOT_REPORTING", "SYNC_FAILING");
        outbox.sendDue();
        assertThat(mailTo("ada@example.org")).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "RigSync alert: Apparatus not reporting (Pumper 9)", "RigSync alert: Syncs failing (Samsara sync)");
        assertThat(GreenMailUtil.getBody(mailTo("mel@example.org").getFirst())).contains("Pumper 9 has not reported");
        jdbc.update("delete from sync_run where department_id = ?", department);
    }

    private List<MimeMessage> mailTo(String address) throws Exception {
        return Arrays.stream(mailServer.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private long departmentNamed(String name, boolean entitled) {
        jdbc.update("insert ignore into department (name, samsara_entitled, created_at) values (?, ?, now())", name,
                entitled);
        return jdbc.queryForObject("select id from department where name = ?", Long.class, name);
    }

    private void connect(long departmentId, String health) {
        jdbc.update("""
                insert into samsara_connection (department_id, enabled, region, auth_kind, secret_ciphertext, health,
                                                updated_by, updated_at) values (?, true, 'US', 'API_TOKEN', 'x', ?, 'test', now())
                on duplicate key update health = values(health), enabled = true, auth_kind = 'API_TOKEN',
                                        secret_ciphertext = 'x'""", departmentId, health);
    }

    private void person(String username, String name, String role, long departmentId, String email) {
        jdbc.update("insert ignore into app_user (department_id, username, display_name, password_hash, role, "
                + "created_at, email) values (?, ?, ?, 'x', ?, now(), ?)", departmentId, username, name, role, email);
    }

    private long apparatus(long departmentId, String unit, String vehicle) {
        jdbc.update("insert ignore into apparatus (department_id, unit_name, type, status, samsara_vehicle_id) "
                + "values (?, ?, 'ENGINE', 'IN_SERVICE', ?)", departmentId, unit, vehicle);
        long id = jdbc.queryForObject("select id from apparatus where department_id = ? and unit_name = ?", Long.class,
                departmentId, unit);
        jdbc.update("insert ignore into apparatus_telemetry (apparatus_id, read_at, synced_at) values (?, now(6), "
                + "now(6))", id);
        jdbc.update("delete from apparatus_fault_code where apparatus_id = ?", id);
        return id;
    }
}
