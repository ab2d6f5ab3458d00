package com.rigsync.demo.simulator;

import java.time.Duration;

import static com.rigsync.demo.simulator.SamsaraJson.error;

/**
 * The fault switches as they stand: failed and rate-limited requests, slow and malformed answers, empty list pages,
 * list pages that announce more without a cursor,
 * and whether the rate limits apply. Not thread-safe: {@link SimulatedSamsara} calls it under its lock.
 */
final class FaultSwitches {

    private final RateLimits rateLimits;
    private int failuresLeft;
    private int failureStatus = 503;
    private String failurePath;
    private int failuresDelayedBy;
    private String failureRetryAfter;
    private int malformedLeft;
    private int emptyPagesLeft;
    private int cursorlessPagesLeft;
    private Duration responseDelay = Duration.ZERO;
    private boolean rateLimitsEnabled = true;

    FaultSwitches(RateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    /** The failure that answers a request to {@code path} instead of the API, or null when none is due. */
    SimulatedResponse failureFor(String path, String requestId) {
        boolean failing = failuresLeft > 0 && (failurePath == null || failurePath.equals(path));
        if (failing && failuresDelayedBy > 0) {
            failuresDelayedBy--;
            failing = false;
        }
        if (!failing) {
            return null;
        }
        failuresLeft--;
        // a 429 always says when to come back, also when switched on as a plain failure
        String retryAfter = failureRetryAfter == null ? "1.0" : failureRetryAfter;
        return failureStatus == 429
                ? error(429, "Rate limit exceeded (simulated). Retry after " + retryAfter
                        + " seconds.", requestId).withHeader("Retry-After", retryAfter)
                : error(failureStatus, "Service temporarily unavailable (simulated outage). Retry later.",
                        requestId);
    }

    /** The answer as it leaves: cut short while malformed answers are due (JSON ones only), and delayed. */
    SimulatedResponse deliver(SimulatedResponse response) {
        SimulatedResponse delivered = response;
        if (malformedLeft > 0 && response.contentType() != null && response.contentType().contains("json")) {
            malformedLeft--;
            String body = response.body();
            delivered = response.withBody(body.substring(0, body.length() / 2) + "<!-- simulated garbage");
        }
        return delivered.withDelay(responseDelay);
    }

    /** Counts one inserted empty list page down; false when none is due. */
    boolean takeEmptyPage() {
        if (emptyPagesLeft == 0) {
            return false;
        }
        emptyPagesLeft--;
        return true;
    }

    /** Counts one list page that announces more without a cursor down; false when none is due. */
    boolean takeCursorlessPage() {
        if (cursorlessPagesLeft == 0) {
            return false;
        }
        cursorlessPagesLeft--;
        return true;
    }

    /** Takes one request from the token's rate limits; 0 when it may pass (or the limits are off), else the wait. */
    double rateLimitWait(String token, String endpoint) {
        return rateLimitsEnabled ? rateLimits.acquire(token, endpoint) : 0;
    }

    /** @param path a normalized path, or null for any path */
    void failRequestsTo(String path, int after, int count, int status) {
        failuresDelayedBy = after;
        failuresLeft = count;
        failureStatus = status;
        failurePath = path;
    }

    /** @param path a normalized path, or null for any path */
    void rateLimitNextRequests(String path, int count, String retryAfter) {
        failuresDelayedBy = 0;
        failuresLeft = count;
        failureStatus = 429;
        failurePath = path;
        failureRetryAfter = retryAfter;
    }

    void setResponseDelay(Duration delay) {
        responseDelay = delay;
    }

    void malformNextResponses(int count) {
        malformedLeft = count;
    }

    void insertEmptyPages(int count) {
        emptyPagesLeft = count;
    }

    void announceMoreWithoutCursor(int count) {
        cursorlessPagesLeft = count;
    }

    /** Either way the buckets start full. */
    void setRateLimitsEnabled(boolean enabled) {
        rateLimitsEnabled = enabled;
        rateLimits.clear();
    }

    SimulatedSamsara.Faults snapshot(Duration clockOffset) {
        return new SimulatedSamsara.Faults(failuresLeft, failureStatus, responseDelay, malformedLeft, emptyPagesLeft,
                rateLimitsEnabled, clockOffset);
    }

    void reset() {
        failuresLeft = 0;
        failuresDelayedBy = 0;
        failurePath = null;
        failureRetryAfter = null;
        malformedLeft = 0;
        emptyPagesLeft = 0;
        cursorlessPagesLeft = 0;
        responseDelay = Duration.ZERO;
        rateLimitsEnabled = true;
        rateLimits.clear();
    }
}
