package com.rigsync.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.icegreen.greenmail.util.GreenMail;
import com.rigsync.SpringAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The outbox: 1,000 waiting mails sent to the local GreenMail, once by one sender, then by two db-scheduler
 * instances on the same database competing for the send task, each mail exactly once. Runs only with
 * {@code ./mvnw -Pbench verify}; prints mails per second.
 */
@SpringAppTest
class AlertOutboxBenchmark {

    private static final int MAILS = 1_000;

    @Autowired
    private AlertOutbox outbox;
    @Autowired
    private GreenMail mailServer;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;

    @Test
    void thousandWaitingMails() throws Exception {
        assumeTrue(Boolean.getBoolean("bench.profile"), "benchmarks run only with ./mvnw -Pbench verify");
        outbox.sendDue();

        waiting("one");
        mailServer.purgeEmailFromAllMailboxes();
        long start = System.nanoTime();
        AlertOutbox.Round round = outbox.sendDue();
        double oneSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(round.sent()).isEqualTo(MAILS);
        assertThat(mailServer.getReceivedMessages()).hasSize(MAILS);

        waiting("two");
        mailServer.purgeEmailFromAllMailboxes();
        RecurringTask<Void> task = Tasks.recurring("alert-mail-bench", FixedDelay.of(Duration.ofMillis(20)))
                .execute((instance, context) -> outbox.sendDue());
        List<Scheduler> instances = new ArrayList<>();
        start = System.nanoTime();
        for (String name : List.of("bench-a", "bench-b")) {
            Scheduler scheduler = Scheduler.create(dataSource).startTasks(task).tableName("scheduled_tasks")
                    .schedulerName(new SchedulerName.Fixed(name)).pollingInterval(Duration.ofMillis(20))
                    .alwaysPersistTimestampInUTC().threads(2).build();
            scheduler.start();
            instances.add(scheduler);
        }
        while (jdbc.queryForObject("select count(*) from alert_mail where mail_subject like 'Bench two%' "
                + "and status = 'WAITING'", Integer.class) > 0 && System.nanoTime() - start < 120_000_000_000L) {
            Thread.sleep(20);
        }
        double twoSeconds = (System.nanoTime() - start) / 1e9;
        instances.forEach(Scheduler::stop);
        jdbc.update("delete from scheduled_tasks where task_name = 'alert-mail-bench'");
        int received = mailServer.getReceivedMessages().length;

        System.out.println();
        System.out.println("=== AlertOutboxBenchmark ===");
        System.out.printf(Locale.ROOT, "one sender: %d mails in %.2f s, %.0f mails/s%n", MAILS, oneSeconds,
                MAILS / oneSeconds);
        System.out.printf(Locale.ROOT, "two scheduler instances: %d mails received (of %d) in %.2f s, %.0f mails/s%n",
                received, MAILS, twoSeconds, MAILS / twoSeconds);
        assertThat(received).as("each mail exactly once").isEqualTo(MAILS);
    }

    private void waiting(String batch) {
        long user = jdbc.queryForObject("select id from app_user where username = 'admin'", Long.class);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            rows.add(new Object[] {user, "bench-" + (i % 50) + "@example.org", "Bench " + batch + " " + i});
        }
        jdbc.batchUpdate("insert into alert_mail (user_id, address, purpose, mail_subject, body, created_at, status, "
                + "next_attempt_at) values (?, ?, 'DIGEST', ?, 'A benchmark mail.', now(6), 'WAITING', now(6))", rows);
    }
}
