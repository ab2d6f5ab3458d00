package com.rigsync.integration;

import com.rigsync.samsara.CallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The Samsara client's calls as metrics: {@code rigsync.samsara.requests} (a timer by endpoint and HTTP status,
 * "none" when no answer came), {@code rigsync.samsara.retries} (requests sent again, by endpoint and the status
 * that caused it) and {@code rigsync.samsara.rate.limited} (429 answers, by endpoint). Endpoints are path templates,
 * never ids or queries.
 */
final class SamsaraCallMetrics implements CallObserver {

    private final MeterRegistry registry;

    SamsaraCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(Call call) {
        String status = call.status() == Call.NO_ANSWER ? "none" : String.valueOf(call.status());
        Timer.builder("rigsync.samsara.requests")
                .description("HTTP requests to Samsara, each attempt counted")
                .tag("endpoint", call.endpoint())
                .tag("status", status)
                .register(registry)
                .record(call.took());
        if (call.retrying()) {
            Counter.builder("rigsync.samsara.retries")
                    .description("Samsara requests sent again after a failure, a 429 or a token refresh")
                    .tag("endpoint", call.endpoint())
                    .tag("status", status)
                    .register(registry)
                    .increment();
        }
        if (call.rateLimited()) {
            Counter.builder("rigsync.samsara.rate.limited")
                    .description("429 Too Many Requests answers from Samsara")
                    .tag("endpoint", call.endpoint())
                    .register(registry)
                    .increment();
        }
    }
}
