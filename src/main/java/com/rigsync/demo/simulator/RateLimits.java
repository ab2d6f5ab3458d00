package com.rigsync.demo.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Samsara's documented limits as Samsara counts them: 150 requests/s per token, and per organisation 200 requests/s
 * overall, 25/s on {@code GET /fleet/vehicles} and 100/min on {@code POST /fleet/drivers/auth-token}, shared by every
 * token of the organisation (the simulator has one). Token buckets on a nanosecond ticker (real time by default,
 * not the simulator clock, so moving the clock forward neither drains nor refills them).
 */
final class RateLimits {

    private record Limit(double capacity, double perSecond) {
    }

    private static final Limit PER_TOKEN = new Limit(150, 150);
    private static final Limit PER_ORGANISATION = new Limit(200, 200);
    private static final Map<String, Limit> PER_ENDPOINT = Map.of(
            "GET /fleet/vehicles", new Limit(25, 25),
            "POST /fleet/drivers/auth-token", new Limit(100, 100.0 / 60));

    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new HashMap<>();

    RateLimits(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the token's and the organisation's buckets; 0 when allowed, else the seconds to wait. */
    synchronized double acquire(String tokenKey, String endpoint) {
        long now = nanoTime.getAsLong();
        Bucket token = buckets.computeIfAbsent("token " + tokenKey, key -> new Bucket(PER_TOKEN, now));
        Bucket organisation = buckets.computeIfAbsent("organisation", key -> new Bucket(PER_ORGANISATION, now));
        Limit endpointLimit = PER_ENDPOINT.get(endpoint);
        Bucket specific = endpointLimit == null ? null
                : buckets.computeIfAbsent("organisation " + endpoint, key -> new Bucket(endpointLimit, now));
        double wait = Math.max(token.secondsUntilAvailable(now), organisation.secondsUntilAvailable(now));
        if (specific != null) {
            wait = Math.max(wait, specific.secondsUntilAvailable(now));
        }
        if (wait > 0) {
            return wait;
        }
        token.take();
        organisation.take();
        if (specific != null) {
            specific.take();
        }
        return 0;
    }

    synchronized void clear() {
        buckets.clear();
    }

    private static final class Bucket {
        private final Limit limit;
        private double tokens;
        private long lastNanos;

        Bucket(Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.capacity();
            this.lastNanos = now;
        }

        double secondsUntilAvailable(long now) {
            tokens = Math.min(limit.capacity(), tokens + (now - lastNanos) / 1e9 * limit.perSecond());
            lastNanos = now;
            return tokens >= 1 ? 0 : (1 - tokens) / limit.perSecond();
        }

        void take() {
            tokens -= 1;
        }
    }
}
