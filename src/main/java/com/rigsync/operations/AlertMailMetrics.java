package com.rigsync.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The hook for alert mails: whatever sends them calls {@link #sent} or {@link #failed} once per mail, which counts
 * {@code rigsync.alert.mails} by kind and outcome. Kinds are a few fixed words, never an address or a department
 * name: "opened" and "resolved" (an alert's mails) and "digest".
 */
@Component
public class AlertMailMetrics {

    private final MeterRegistry registry;

    AlertMailMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void sent(String kind) {
        count(kind, "sent");
    }

    public void failed(String kind) {
        count(kind, "failed");
    }

    private void count(String kind, String outcome) {
        Counter.builder("rigsync.alert.mails")
                .description("Alert mails, by kind and whether the mail server took them")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
