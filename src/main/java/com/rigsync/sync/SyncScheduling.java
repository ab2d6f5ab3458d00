package com.rigsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.rigsync.integration.SamsaraConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The department syncs on db-scheduler. Each department's sync is one instance ({@link SyncTask#NAME}, id = the
 * department id) that reschedules itself after each run, so a department can never have two runs at once and every
 * run happens once, however many app instances share the database. A cluster-wide recurring task, the schedule
 * keeper, adds the instance for every department that is connected and healthy and has none.
 */
@Configuration(proxyBeanMethods = false)
class SyncScheduling {

    private static final Logger log = LoggerFactory.getLogger(SyncScheduling.class);
    /** How soon a newly connected department's first sync comes. */
    static final Duration FIRST_SYNC_DELAY = Duration.ZERO;

    @Bean
    CustomTask<SyncRequest> departmentSyncTask(SyncExecution execution) {
        return Tasks.custom(SyncTask.NAME, SyncRequest.class)
                // Only an unexpected error escapes a run (Samsara failures end as FAILED runs); try again later
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(5)))
                .onDeadExecution(execution::deadExecution)
                .execute((instance, context) -> execution.execute(instance, context.getExecution().pickedBy,
                        context.getSchedulerClient()));
    }

    @Bean
    SyncExecution.Apart runsApart(@Value("${rigsync.sync.runs-apart:10}") int runs,
                                  @Value("${rigsync.sync.apart-after:3s}") Duration after,
                                  @Value("${rigsync.sync.run-budget:5m}") Duration runBudget,
                                  @Value("${rigsync.sync.unanswered-budget:30s}") Duration unansweredBudget,
                                  @Value("${rigsync.sync.unanswered-retry:1m}") Duration retry) {
        return new SyncExecution.Apart(runs, after, runBudget, unansweredBudget, retry);
    }

    /** Off in tests, which schedule the departments they sync themselves. */
    @Bean
    @ConditionalOnProperty(name = "rigsync.sync.keep-schedules", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> syncScheduleKeeper(SamsaraConnections connections,
                                           ObjectProvider<CustomTask<SyncRequest>> task, Clock clock) {
        return Tasks.recurring(SyncTask.SCHEDULES, FixedDelay.of(Duration.ofMinutes(1)))
                .execute((instance, context) -> keepSchedules(connections, context.getSchedulerClient(),
                        task.getObject(), clock));
    }

    /** Schedules the first sync of every connected, healthy department that has no sync scheduled. */
    static int keepSchedules(SamsaraConnections connections, SchedulerClient scheduler,
                             CustomTask<SyncRequest> task, Clock clock) {
        int added = 0;
        Instant first = clock.instant().plus(FIRST_SYNC_DELAY);
        for (long departmentId : connections.departmentsWithSync()) {
            if (connections.syncStanding(departmentId).due()
                    && scheduler.scheduleIfNotExists(task.instance(String.valueOf(departmentId),
                    SyncRequest.scheduled()), first)) {
                added++;
            }
        }
        if (added > 0) {
            log.info("Scheduled the first sync of {} department(s)", added);
        }
        return added;
    }
}
