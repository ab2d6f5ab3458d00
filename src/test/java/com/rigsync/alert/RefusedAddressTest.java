package com.rigsync.alert;

import java.time.Clock;
import java.util.Map;

import com.rigsync.SpringAppTest;
import com.rigsync.operations.AlertMailMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An address the mail server rejects (550 to RCPT TO) marks that person's mail as failed with the reason, is never
 * tried again, and holds up nobody else's mail.
 */
@SpringAppTest
class RefusedAddressTest {

    @Autowired
    private AlertOutbox appOutbox;
    @Autowired
    private JdbcClient jdbcClient;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;
    @Autowired
    private AlertMailMetrics metrics;

    @Test
    void aRefusedAddressFailsAloneAndTheOthersGo() throws Exception {
        appOutbox.sendDue(); // what other tests left waiting goes to the app's own server first
        try (RefusingMailServer server = new RefusingMailServer("gone.chief@example.org")) {
            JavaMailSenderImpl mailer = new JavaMailSenderImpl();
            mailer.setHost("127.0.0.1");
            mailer.setPort(server.port());
            AlertOutbox outbox = new AlertOutbox(jdbcClient,
                    new StaticListableBeanFactory(Map.of("mailer", mailer)).getBeanProvider(JavaMailSender.class),
                    clock, metrics, "RigSync <rigsync@example.org>", 200);
            long user = jdbc.queryForObject("select id from app_user where username = 'admin'", Long.class);
            waiting(user, "first.captain@example.org", "Refused test 1");
            waiting(user, "gone.chief@example.org", "Refused test 2");
            waiting(user, "third.engineer@example.org", "Refused test 3");

            AlertOutbox.Round round = outbox.sendDue();

            assertThat(round.sent()).isEqualTo(2);
            assertThat(round.failed()).isEqualTo(1);
            assertThat(round.deferred()).as("a refused address is not the server being down").isZero();
            assertThat(server.delivered()).containsExactly("first.captain@example.org", "third.engineer@example.org");
            assertThat(jdbc.queryForMap("select status, last_error from alert_mail where mail_subject = "
                    + "'Refused test 2'")).containsEntry("status", "FAILED")
                    .containsEntry("last_error", "Address refused by the mail server: gone.chief@example.org");
            assertThat(outbox.sendDue().sent() + outbox.sendDue().failed()).as("never tried again").isZero();
            assertThat(server.delivered()).hasSize(2);
        }
    }

    private void waiting(long user, String address, String subject) {
        jdbc.update("insert into alert_mail (user_id, address, purpose, mail_subject, body, created_at, status, "
                + "next_attempt_at) values (?, ?, 'DIGEST', ?, 'body', now(6), 'WAITING', now(6))", user, address,
                subject);
    }
}
