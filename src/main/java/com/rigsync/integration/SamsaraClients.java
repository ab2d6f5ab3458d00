package com.rigsync.integration;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.rigsync.samsara.SamsaraClient;

/**
 * One {@link SamsaraClient} per base URL, made when first needed (the demo's simulated region knows its port only
 * once the web server runs) and closed with the application. The client shares one OkHttp client inside.
 */
final class SamsaraClients implements AutoCloseable {

    private final Map<String, SamsaraClient> clients = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    SamsaraClients(Clock clock, int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        this.clock = clock;
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    SamsaraClient forBaseUrl(String baseUrl) {
        return clients.computeIfAbsent(baseUrl, url -> SamsaraClient.builder()
                .baseUrl(url)
                .clock(clock)
                .maxRetries(maxRetries)
                .initialBackoff(initialBackoff)
                .maxBackoff(maxBackoff)
                .build());
    }

    @Override
    public void close() {
        clients.values().forEach(SamsaraClient::close);
        clients.clear();
    }
}
