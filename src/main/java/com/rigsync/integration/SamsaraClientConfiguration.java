package com.rigsync.integration;

import java.time.Clock;
import java.time.Duration;

import com.rigsync.samsara.SamsaraClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The app's Samsara clients: the framework-free client, on the app's clock, one per base URL; and the bounded pool the
 * screens' Samsara checks run on, so a slow or unreachable Samsara never holds a browser request.
 */
@Configuration(proxyBeanMethods = false)
class SamsaraClientConfiguration {

    @Bean(destroyMethod = "close")
    SamsaraClients samsaraClients(Clock clock,
                                  @Value("${rigsync.samsara.max-retries:4}") int maxRetries,
                                  @Value("${rigsync.samsara.initial-backoff:500ms}") Duration initialBackoff,
                                  @Value("${rigsync.samsara.max-backoff:20s}") Duration maxBackoff,
                                  @Value("${rigsync.samsara.api-version:" + SamsaraClient.API_VERSION + "}")
                                  String apiVersion,
                                  MeterRegistry metrics) {
        return new SamsaraClients(clock, maxRetries, initialBackoff, maxBackoff, new SamsaraCallMetrics(metrics),
                apiVersion);
    }

    /**
     * Runs the Samsara checks of Settings (Save, Test connection) off the UI thread: a few threads named
     * "samsara-check-N" (never after anything a user typed), a short queue, and a refusal beyond that (the screen
     * says to try again) rather than running the call on the caller's thread. Not a default candidate: it is injected
     * by name only, so Spring Boot's own applicationTaskExecutor and anyone injecting "the" TaskExecutor are unaffected.
     */
    @Bean(name = SAMSARA_CHECKS, defaultCandidate = false)
    ThreadPoolTaskExecutor samsaraCheckExecutor(@Value("${rigsync.samsara.check-threads:4}") int threads,
                                                @Value("${rigsync.samsara.check-queue:20}") int queue) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("samsara-check-");
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(queue);
        executor.setAllowCoreThreadTimeOut(true);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    /** The bean name of the Settings checks' {@link TaskExecutor}. */
    static final String SAMSARA_CHECKS = "samsaraCheckExecutor";
}
