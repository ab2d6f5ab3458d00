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
 * Client-side token buckets as Samsara counts them: 150 requests/s per token (keyed by the token's SHA-256, never
 * the token itself), and per Samsara organisation 200 requests/s overall plus the documented endpoint limits, which
 * every token of the organisation shares (two departments on one city's organisation, or RigSync beside another
 * integration). A big sync slows down instead of collecting 429s, and one organisation's sync never spends
 * another's budget. An organisation not known yet is counted by its token alone.
 */
final class Throttle {

    static final int PER_TOKEN_PER_SECOND = 150;
    static final int PER_ORGANISATION_PER_SECOND = 200;
    private static final int PRUNE_ABOVE = 512;
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Buckets> byToken = new ConcurrentHashMap<>();
    private final Map<String, Buckets> byOrganisation = new ConcurrentHashMap<>();

    Throttle(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Takes a slot for one request, sleeping (through the Sleeper) as long as the buckets require.
     *
     * @param organisation the Samsara organisation id the token belongs to, or null when not known yet
     */
    void acquire(String token, String organisation, Endpoint endpoint) throws InterruptedException {
        Instant now = clock.instant();
        prune(byToken, now);
        prune(byOrganisation, now);
        String tokenKey = sha256(token);
        String organisationKey = organisation == null || organisation.isBlank() ? "token:" + tokenKey
                : "organisation:" + organisation;
        Duration wait = byToken.computeIfAbsent(tokenKey, k -> new Buckets(PER_TOKEN_PER_SECOND, false, now))
                .reserve(endpoint, now);
        Duration shared = byOrganisation.computeIfAbsent(organisationKey,
                k -> new Buckets(PER_ORGANISATION_PER_SECOND, true, now)).reserve(endpoint, now);
        if (shared.compareTo(wait) > 0) {
            wait = shared;
        }
        if (wait.isPositive()) {
            sleeper.sleep(wait);
        }
    }

    private static void prune(Map<String, Buckets> buckets, Instant now) {
        if (buckets.size() > PRUNE_ABOVE) {
            Instant cutoff = now.minus(IDLE);
            buckets.values().removeIf(b -> b.lastUsed.isBefore(cutoff));
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

    /** An overall bucket, and (for an organisation) one per endpoint with a documented limit. */
    private static final class Buckets {
        private final Bucket overall;
        private final boolean endpointLimits;
        private final Map<Endpoint, Bucket> perEndpoint = new EnumMap<>(Endpoint.class);
        private volatile Instant lastUsed;

        Buckets(int perSecond, boolean endpointLimits, Instant now) {
            this.overall = new Bucket(perSecond, 1, now);
            this.endpointLimits = endpointLimits;
            this.lastUsed = now;
        }

        synchronized Duration reserve(Endpoint endpoint, Instant now) {
            lastUsed = now;
            Duration wait = overall.reserve(now);
            if (endpointLimits && endpoint.limitRequests > 0) {
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
