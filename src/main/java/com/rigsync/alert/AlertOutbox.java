package com.rigsync.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rigsync.operations.AlertMailMetrics;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import static com.rigsync.alert.AlertEvaluation.utc;

/**
 * Sends the outbox, each batch over one connection. A mail is marked sent once the server took its batch, so a crash
 * in between sends the batch again at worst (each mail at most once more, never lost). A server that cannot be reached ends the round and every waiting
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
            Outcome outcome = send(mailer, due);
            sent += outcome.sent();
            failed += outcome.failed();
            if (outcome.deferred() > 0) {
                return new Round(sent, failed, outcome.deferred());
            }
        }
    }

    private record Outcome(int sent, int failed, int deferred) {
    }

    /**
     * Sends one batch over one connection to the server (Jakarta Mail keeps it open for the whole array), then records
     * each mail: sent, refused (that mail fails alone), or, when the server went away, waiting with the rest.
     */
    private Outcome send(JavaMailSender mailer, List<Waiting> due) {
        Map<MimeMessage, Waiting> prepared = new LinkedHashMap<>();
        int failed = 0;
        for (Waiting mail : due) {
            try {
                prepared.put(message(mailer, mail), mail);
            } catch (MailException | MessagingException e) {
                // the stored address cannot even be written into a mail: no server would take it
                fail(mail, "The address cannot be used: " + mail.address());
                failed++;
            }
        }
        Map<Object, Exception> failures = Map.of();
        MailException trouble = null;
        if (!prepared.isEmpty()) {
            try {
                mailer.send(prepared.keySet().toArray(MimeMessage[]::new));
            } catch (MailSendException e) {
                failures = e.getFailedMessages();
                trouble = e;
                if (failures.isEmpty()) {
                    // no word on which went: none counts as sent
                    failures = everyOne(prepared, e);
                }
            } catch (MailException e) {
                // signing in failed, or the like: nothing of this batch went
                failures = everyOne(prepared, e);
                trouble = e;
            }
        }
        int sent = 0;
        List<Waiting> unsent = new ArrayList<>();
        for (Map.Entry<MimeMessage, Waiting> entry : prepared.entrySet()) {
            Waiting mail = entry.getValue();
            Exception failure = failures.get(entry.getKey());
            if (failure == null) {
                jdbc.sql("update alert_mail set status = 'SENT', sent_at = ?, attempts = attempts + 1, "
                        + "last_error = null where id = ?").params(utc(clock.instant()), mail.id()).update();
                sent++;
                metrics.sent(kind(mail));
            } else if (refusedAddress(failure)) {
                fail(mail, "Address refused by the mail server: " + mail.address());
                failed++;
            } else {
                unsent.add(mail);
            }
        }
        if (unsent.isEmpty()) {
            return new Outcome(sent, failed, 0);
        }
        String why = trouble instanceof MailAuthenticationException
                ? "The mail server refused RigSync's sign-in (check spring.mail.username and password)"
                : "Mail server unreachable";
        int deferred = defer(unsent, why);
        log.warn("Alert mail: {}; {} mail(s) wait for the next try", why, deferred);
        return new Outcome(sent, failed, deferred);
    }

    private static Map<Object, Exception> everyOne(Map<MimeMessage, Waiting> prepared, Exception e) {
        Map<Object, Exception> all = new LinkedHashMap<>();
        prepared.keySet().forEach(message -> all.put(message, e));
        return all;
    }

    private void fail(Waiting mail, String why) {
        jdbc.sql("update alert_mail set status = 'FAILED', attempts = attempts + 1, last_error = ? where id = ?")
                .params(why, mail.id()).update();
        metrics.failed(kind(mail));
    }

    /** The metric's kind: what the mail is (an alert opened or resolved, a digest), never who it is for. */
    private static String kind(Waiting mail) {
        return mail.purpose().toLowerCase(Locale.ROOT);
    }

    private MimeMessage message(JavaMailSender mailer, Waiting mail) throws MessagingException {
        MimeMessage message = mailer.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.address());
        helper.setSubject(mail.subject());
        helper.setText(mail.body());
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
    static boolean refusedAddress(Exception failure) {
        if (failure instanceof MailParseException) {
            return true;
        }
        if (failure instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
            return send.getFailedMessages().values().stream().allMatch(AlertOutbox::refusedAddress);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }
}
