package com.rigsync.integration;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The app's Samsara clients: the framework-free client, on the app's clock, one per base URL. */
@Configuration(proxyBeanMethods = false)
class SamsaraClientConfiguration {

    @Bean(destroyMethod = "close")
    SamsaraClients samsaraClients(Clock clock,
                                  @Value("${rigsync.samsara.max-retries:4}") int maxRetries,
                                  @Value("${rigsync.samsara.initial-backoff:500ms}") Duration initialBackoff,
                                  @Value("${rigsync.samsara.max-backoff:20s}") Duration maxBackoff) {
        return new SamsaraClients(clock, maxRetries, initialBackoff, maxBackoff);
    }
}
