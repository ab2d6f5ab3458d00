package com.rigsync.samsara;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A session with a deadline (a sync run's time budget): it never waits past it and sends nothing after it; and the
 * call observer hears of every request with its endpoint template and status, never a token.
 */
class DeadlineTest extends SamsaraTestBase {

    private final List<CallObserver.Call> calls = new CopyOnWriteArrayList<>();

    @Override
    SamsaraClient.Builder clientBuilder() {
        // back-offs of 5 to 10 s, far beyond the first test's budget
        return super.clientBuilder().initialBackoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(10))
                .observer(calls::add);
    }

    @Test
    void aBackOffThatWouldEndAfterTheDeadlineIsNotWaitedFor() {
        server.enqueue(error(503, "unavailable", "r1"));
        server.enqueue(json("{\"data\":{\"id\":\"1\",\"name\":\"Org\"}}"));
        SamsaraSession budgeted = session.until(time.instant().plusSeconds(3));

        assertThatThrownBy(budgeted::me).isInstanceOf(SamsaraUnavailableException.class);

        assertThat(time.sleeps).as("no wait at all").isEmpty();
        assertThat(budgeted.requestCount()).isEqualTo(1);
        assertThat(calls).extracting(CallObserver.Call::endpoint, CallObserver.Call::status,
                CallObserver.Call::retrying).containsExactly(tuple("GET /me", 503, false));
    }

    @Test
    void aRetryAfterThatFitsTheDeadlineIsWaitedOutAndReported() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0.4")
                .body("{\"message\":\"rate limit\",\"requestId\":\"r1\"}").build());
        server.enqueue(json("{\"data\":{\"id\":\"1\",\"name\":\"Org\"}}"));

        assertThat(session.until(time.instant().plusSeconds(10)).me().name()).isEqualTo("Org");

        assertThat(time.sleeps).containsExactly(Duration.ofMillis(400));
        assertThat(calls).hasSize(2);
        assertThat(calls.getFirst().rateLimited()).isTrue();
        assertThat(calls.getFirst().retrying()).isTrue();
        assertThat(calls.get(1).status()).isEqualTo(200);
        assertThat(calls.toString()).doesNotContain(TOKEN);
    }

    @Test
    void nothingIsSentOnceTheDeadlineHasPassed() {
        SamsaraSession late = session.until(Instant.parse("2000-01-01T00:00:00Z"));

        assertThatThrownBy(late::me).isInstanceOf(NetworkException.class);

        assertThat(server.getRequestCount()).isZero();
        assertThat(calls).isEmpty();
    }
}
