package com.rigsync.samsara;

import java.time.Duration;

/**
 * Hears of every HTTP request the client sends, once its answer (or its failure) is known, so the app can count
 * Samsara calls without this package knowing any metrics library. Called on the calling thread: keep it quick and
 * never throw. Carries no token, URL query or body.
 */
@FunctionalInterface
public interface CallObserver {

    CallObserver NONE = call -> {
    };

    void answered(Call call);

    /**
     * One HTTP request.
     *
     * @param endpoint the endpoint's method and path template, such as {@code GET /fleet/vehicles/stats}
     * @param status   the HTTP status, or {@link #NO_ANSWER} when the request failed without one (timeout, network)
     * @param took     from sending to the whole answer read
     * @param attempt  1 for the first request of a call, 2 for its first retry, ...
     * @param retrying the client sends the call again (after a back-off, a Retry-After or a token refresh)
     */
    record Call(String endpoint, int status, Duration took, int attempt, boolean retrying) {

        public static final int NO_ANSWER = 0;

        public boolean rateLimited() {
            return status == 429;
        }
    }
}
