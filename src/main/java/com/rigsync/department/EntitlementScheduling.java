package com.rigsync.department;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dated switch-offs run on db-scheduler: one recurring task for the whole cluster, picked by one instance. */
@Configuration(proxyBeanMethods = false)
class EntitlementScheduling {

    static final String NAME = "entitlement-switch-offs";

    @Bean
    RecurringTask<Void> entitlementSwitchOffs(EntitlementSwitchOff switchOff) {
        return Tasks.recurring(NAME, FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) -> switchOff.applyDue());
    }
}
