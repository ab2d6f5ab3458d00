package com.rigsync.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.rigsync.operations.AlertMailMetrics;
import jakarta.mail.SendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import static com.rigsync.alert.AlertEvaluation.utc;

/**
 * Sends the outbox. Each mail is marked sent right after the server took it, in its own statement, so a crash in
 * between sends it again at worst (never loses it). A server that cannot be reached ends the round and every waiting
 * mail waits longer (doubling from a minute to an hour); an address the server refuses fails that mail only.
 * Runs in one scheduler task, so one instance at a time sends and every mail goes once.
 */
@Component
class AlertOutbox {

    private static final Logger log = LoggerFactory.getLogger(AlertOutbox.class);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LAST_RETRY = Duration.ofHours(1);
    static final String NO_SERVER = "No mail server is configured (spring.mail.host)";

    record Waiting(long id, String address, String subject, String body, int attempts, String purpose) {
    }

    /** What one round did. */
    record Round(int sent, int failed, int deferred) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String from;
    private final int batch;
    private final AlertMailMetrics metrics;

    AlertOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, Clock clock, AlertMailMetrics metrics,
                @Value("${rigsync.mail.from:RigSync <rigsync@localhost>}") String from,
                @Value("${rigsync.alerts.mail-batch:200}") int batch) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
        this.batch = batch;
        this.metrics = metrics;
    }

    /** Sends what is due, until none is left or the server cannot be reached. */
    Round sendDue() {
        JavaMailSender mailer = sender.getIfAvailable();
        if (mailer == null) {
            // nothing to send with: the mails wait, and the Alerts page says why
            int waiting = jdbc.sql("update alert_mail set last_error = ? where status = 'WAITING'")
                    .param(NO_SERVER).update();
            return new Round(0, 0, waiting);
        }
        int sent = 0;
        int failed = 0;
        while (true) {
            List<Waiting> due = jdbc.sql("""
                            select id, address, mail_subject, body, attempts, purpose from alert_mail
                            where status = 'WAITING' and next_attempt_at <= ? order by id limit ?""")
                    .params(utc(clock.instant()), batch)
                    .query((rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6)))
                    .list();
            if (due.isEmpty()) {
                return new Round(sent, failed, 0);
            }
            for (int i = 0; i < due.size(); i++) {
                Waiting mail = due.get(i);
                try {
                    mailer.send(message(mail));
                    jdbc.sql("update alert_mail set status = 'SENT', sent_at = ?, attempts = attempts + 1, "
                            + "last_error = null where id = ?").params(utc(clock.instant()), mail.id()).update();
                    sent++;
                    metrics.sent(kind(mail));
                } catch (MailException e) {
                    if (refusedAddress(e)) {
                        jdbc.sql("update alert_mail set status = 'FAILED', attempts = attempts + 1, last_error = ? "
                                        + "where id = ?")
                                .params((e instanceof MailParseException ? "The address cannot be used: "
                                        : "Address refused by the mail server: ") + mail.address(), mail.id()).update();
                        failed++;
                        metrics.failed(kind(mail));
                        continue;
                    }
                    String why = e instanceof MailAuthenticationException
                            ? "The mail server refused RigSync's sign-in (check spring.mail.username and password)"
                            : "Mail server unreachable";
                    int deferred = defer(due.subList(i, due.size()), why);
                    log.warn("Alert mail: {}; {} mail(s) wait for the next try", why, deferred);
                    return new Round(sent, failed, deferred);
                }
            }
        }
    }

    /** The metric's kind: what the mail is (an alert opened or resolved, a digest), never who it is for. */
    private static String kind(Waiting mail) {
        return mail.purpose().toLowerCase(Locale.ROOT);
    }

    private SimpleMailMessage message(Waiting mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.address());
        message.setSubject(mail.subject());
        message.setText(mail.body());
        return message;
    }

    /** The server is down: this round's unsent mails wait longer, each by its own attempt count. */
    private int defer(List<Waiting> unsent, String why) {
        Instant now = clock.instant();
        for (Waiting mail : unsent) {
            Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(mail.attempts(), 6));
            if (wait.compareTo(LAST_RETRY) > 0) {
                wait = LAST_RETRY;
            }
            jdbc.sql("update alert_mail set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
                    .params(utc(now.plus(wait)), why, mail.id()).update();
        }
        return unsent.size();
    }

    /**
     * Whether the address is what failed, not the server: the server refused the recipient (a 5xx to RCPT TO), or the
     * stored address cannot even be written into a mail.
     */
    static boolean refusedAddress(MailException e) {
        if (e instanceof MailParseException) {
            return true;
        }
        if (!(e instanceof MailSendException send)) {
            return false;
        }
        for (Exception failure : send.getFailedMessages().values()) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                        && refused.getInvalidAddresses().length > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
