package com.rigsync.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The health detail "samsara": whether each Samsara region a department syncs from answers at all, probed without
 * any token (an unauthenticated {@code GET /me}, whose 401 proves Samsara is there) and at most once a minute per
 * region. A region that does not answer makes the status DEGRADED, not DOWN: RigSync itself still serves everything
 * but fresh Samsara data, so a load balancer must not take it out (the probes ignore this detail anyway).
 */
@Component("samsara")
class SamsaraReachability implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "a Samsara region does not answer; syncs from it fail");
    private static final Duration RECHECK = Duration.ofMinutes(1);

    private record Probe(Instant at, OptionalInt status) {
    }

    private final SamsaraConnectionRepository connections;
    private final SamsaraRegions regions;
    private final SamsaraClients clients;
    private final Clock clock;
    private final Map<String, Probe> probes = new ConcurrentHashMap<>();

    SamsaraReachability(SamsaraConnectionRepository connections, SamsaraRegions regions, SamsaraClients clients,
                        Clock clock) {
        this.connections = connections;
        this.regions = regions;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Map<String, String> answers = new LinkedHashMap<>();
        boolean all = true;
        for (String region : connections.regionsInUse()) {
            if (!regions.exists(region)) {
                answers.put(region, "unknown region (not configured on this instance)");
                all = false;
                continue;
            }
            String baseUrl = regions.baseUrl(region);
            Probe probe = probes.compute(baseUrl, (url, last) -> last != null
                    && last.at().plus(RECHECK).isAfter(clock.instant())
                    ? last : new Probe(clock.instant(), clients.forBaseUrl(url).reachability()));
            all &= probe.status().isPresent();
            answers.put(region, probe.status().isPresent()
                    ? "reachable (" + baseUrl + " answered HTTP " + probe.status().getAsInt() + " without a token)"
                    : "no answer from " + baseUrl + " within 5 s");
        }
        return Health.status(all ? Status.UP : DEGRADED).withDetails(answers).build();
    }
}
