package com.rigsync.integration;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.rigsync.samsara.CallObserver;
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
    private final CallObserver metrics;
    private final String apiVersion;
    /** Whether Samsara calls are counted; only the metrics overhead benchmark turns it off. */
    private volatile boolean counting = true;

    SamsaraClients(Clock clock, int maxRetries, Duration initialBackoff, Duration maxBackoff,
                   CallObserver observer, String apiVersion) {
        this.metrics = observer;
        this.apiVersion = apiVersion;
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
                .apiVersion(apiVersion)
                .observer(call -> {
                    if (counting) {
                        metrics.answered(call);
                    }
                })
                .build());
    }

    void counting(boolean on) {
        this.counting = on;
    }

    /** The clients made so far, by base URL: the regions in use on this instance. */
    Map<String, SamsaraClient> inUse() {
        return Map.copyOf(clients);
    }

    @Override
    public void close() {
        clients.values().forEach(SamsaraClient::close);
        clients.clear();
    }
}
