package com.rigsync.alert;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Alerts on db-scheduler: three cluster-wide recurring tasks (one execution at a time across every app instance)
 * evaluate the alerts, send the outbox and put together the daily digests. Off in tests, which call them directly.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rigsync.alerts.scheduled", havingValue = "true", matchIfMissing = true)
class AlertScheduling {

    @Bean
    RecurringTask<Void> alertEvaluationTask(AlertEvaluation evaluation,
                                            @Value("${rigsync.alerts.evaluate-every:1m}") Duration every) {
        return Tasks.recurring("alert-evaluation", FixedDelay.of(every))
                .execute((instance, context) -> {
                    for (long departmentId : evaluation.departmentIds()) {
                        evaluation.evaluate(departmentId);
                    }
                });
    }

    @Bean
    RecurringTask<Void> alertMailTask(AlertOutbox outbox, @Value("${rigsync.alerts.send-every:15s}") Duration every) {
        return Tasks.recurring("alert-mail", FixedDelay.of(every))
                .execute((instance, context) -> outbox.sendDue());
    }

    @Bean
    RecurringTask<Void> alertDigestTask(AlertDigest digest) {
        return Tasks.recurring("alert-digest", FixedDelay.of(Duration.ofMinutes(5)))
                .execute((instance, context) -> {
                    digest.composeDue();
                    digest.composeClientSuccessDue();
                });
    }
}
