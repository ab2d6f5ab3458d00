package com.rigsync.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/** {@code rigsync.sessions.signed.in}: people signed in on this instance (open sessions, not yet expired). */
@Component
class SignedInSessionMetrics implements MeterBinder {

    private final SessionRegistry sessions;

    SignedInSessionMetrics(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("rigsync.sessions.signed.in", this, SignedInSessionMetrics::count)
                .description("Signed-in sessions open on this instance")
                .register(registry);
    }

    private double count() {
        return sessions.getAllPrincipals().stream()
                .mapToInt(principal -> sessions.getAllSessions(principal, false).size())
                .sum();
    }
}
