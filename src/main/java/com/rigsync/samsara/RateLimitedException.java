package com.rigsync.samsara;

import java.time.Duration;
import java.util.Optional;

/** 429 after the retries ran out (or on a call that is never retried). */
public final class RateLimitedException extends SamsaraException {

    private final Duration retryAfter;

    RateLimitedException(ErrorDetails details, Duration retryAfter) {
        super(details, "rate limited" + (retryAfter == null ? "" : ", Retry-After " + retryAfter), null);
        this.retryAfter = retryAfter;
    }

    /** How long Samsara asked to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String userMessage() {
        return withSamsaraMessage("Samsara is receiving too many requests for this organisation right now. "
                + "RigSync will try again at the next sync; if this keeps happening, check which other "
                + "integrations use the same Samsara token.");
    }
}
