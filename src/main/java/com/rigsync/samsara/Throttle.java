package com.rigsync.samsara;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side token buckets per token (keyed by the token's SHA-256, never the token itself): the documented
 * endpoint limits plus 150 requests/s overall, so a big sync slows down instead of collecting 429s and one
 * department's sync never spends another's budget.
 */
final class Throttle {

    static final int OVERALL_PER_SECOND = 150;
    private static final int PRUNE_ABOVE = 512;
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, TokenBuckets> byToken = new ConcurrentHashMap<>();

    Throttle(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Takes a slot for one request, sleeping (through the Sleeper) as long as the buckets require. */
    void acquire(String token, Endpoint endpoint) throws InterruptedException {
        if (byToken.size() > PRUNE_ABOVE) {
            Instant cutoff = clock.instant().minus(IDLE);
            byToken.values().removeIf(b -> b.lastUsed.isBefore(cutoff));
        }
        TokenBuckets buckets = byToken.computeIfAbsent(sha256(token), k -> new TokenBuckets(clock.instant()));
        Duration wait = buckets.reserve(endpoint, clock.instant());
        if (wait.isPositive()) {
            sleeper.sleep(wait);
        }
    }

    static String sha256(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static final class TokenBuckets {
        private final Bucket overall;
        private final Map<Endpoint, Bucket> perEndpoint = new EnumMap<>(Endpoint.class);
        private volatile Instant lastUsed;

        TokenBuckets(Instant now) {
            overall = new Bucket(OVERALL_PER_SECOND, 1, now);
            lastUsed = now;
        }

        synchronized Duration reserve(Endpoint endpoint, Instant now) {
            lastUsed = now;
            Duration wait = overall.reserve(now);
            if (endpoint.limitRequests > 0) {
                Bucket b = perEndpoint.computeIfAbsent(endpoint,
                        e -> new Bucket(e.limitRequests, e.limitSeconds, now));
                Duration endpointWait = b.reserve(now);
                if (endpointWait.compareTo(wait) > 0) {
                    wait = endpointWait;
                }
            }
            return wait;
        }
    }

    /**
     * A bucket holding up to {@code capacity} requests that refills at capacity/period. Reservations may drive it
     * below zero: the caller then waits until its slot has refilled, and later callers queue behind it.
     */
    private static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double available;
        private Instant last;

        Bucket(int requests, int seconds, Instant now) {
            this.capacity = requests;
            this.perNano = requests / (seconds * 1e9);
            this.available = requests;
            this.last = now;
        }

        Duration reserve(Instant now) {
            if (now.isAfter(last)) {
                available = Math.min(capacity, available + Duration.between(last, now).toNanos() * perNano);
                last = now;
            }
            available -= 1;
            return available >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-available / perNano));
        }
    }
}
