package com.rigsync.alert;

import java.util.Arrays;

import com.icegreen.greenmail.util.GreenMail;
import com.rigsync.SpringAppTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox against a real SMTP server that goes away and comes back, and an address that cannot be used. */
@SpringAppTest
class AlertOutboxTest {

    @Autowired
    private AlertOutbox outbox;
    @Autowired
    private GreenMail mailServer;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterRegistry metrics;

    @Test
    void mailWaitsWhileTheServerIsDownAndAllOfItGoesOnceItIsBack() throws Exception {
        outbox.sendDue();
        mailServer.purgeEmailFromAllMailboxes();
        double sentBefore = mails("sent");
        double failedBefore = mails("failed");
        long user = jdbc.queryForObject("select id from app_user where username = 'admin'", Long.class);
        mailServer.stop();
        try {
            for (int i = 0; i < 5; i++) {
                waiting(user, "outbox-" + i + "@example.org", "Outbox test " + i);
            }
            waiting(user, "not an address@example.org", "Outbox test bad");
            AlertOutbox.Round down = outbox.sendDue();
            assertThat(down.sent()).isZero();
            assertThat(down.failed()).as("an address no mail can carry fails at once, server or not").isEqualTo(1);
            assertThat(down.deferred()).isEqualTo(5);
            assertThat(jdbc.queryForList("select distinct last_error from alert_mail where mail_subject like "
                    + "'Outbox test%' and status = 'WAITING'", String.class)).containsExactly("Mail server unreachable");
            // nothing is due until the back-off has passed
            assertThat(outbox.sendDue().deferred()).isZero();
        } finally {
            mailServer.start();
        }
        // an hour later
        jdbc.update("update alert_mail set next_attempt_at = now(6) where mail_subject like 'Outbox test%'");
        AlertOutbox.Round back = outbox.sendDue();
        assertThat(back.sent()).isEqualTo(5);
        assertThat(back.failed()).isZero();
        // an operator sees the same on the metrics: digests sent and failed (mails the server could not take wait)
        assertThat(mails("sent") - sentBefore).isEqualTo(5);
        assertThat(mails("failed") - failedBefore).isEqualTo(1);
        assertThat(Arrays.stream(mailServer.getReceivedMessages()).map(this::subject))
                .containsExactlyInAnyOrder("Outbox test 0", "Outbox test 1", "Outbox test 2", "Outbox test 3",
                        "Outbox test 4");
        assertThat(jdbc.queryForObject("select last_error from alert_mail where mail_subject = 'Outbox test bad'",
                String.class)).isEqualTo("The address cannot be used: not an address@example.org");
        assertThat(jdbc.queryForObject("select status from alert_mail where mail_subject = 'Outbox test bad'",
                String.class)).isEqualTo("FAILED");
        assertThat(outbox.sendDue().sent()).as("each mail goes once").isZero();
        assertThat(mailServer.getReceivedMessages()).hasSize(5);
    }

    private double mails(String outcome) {
        Counter counter = metrics.find("rigsync.alert.mails").tag("kind", "digest").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private void waiting(long user, String address, String subject) {
        jdbc.update("insert into alert_mail (user_id, address, purpose, mail_subject, body, created_at, status, "
                + "next_attempt_at) values (?, ?, 'DIGEST', ?, 'body', now(6), 'WAITING', now(6))", user, address,
                subject);
    }

    private String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
