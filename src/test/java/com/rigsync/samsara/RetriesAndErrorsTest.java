package com.rigsync.samsara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** What an administrator or operator sees when Samsara misbehaves: retries where safe, typed errors otherwise. */
class RetriesAndErrorsTest extends SamsaraTestBase {

    @Test
    void a429WithFractionalRetryAfterIsWaitedOutThroughTheSleeperThenRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0.4")
                .body("{\"message\":\"rate limit\",\"requestId\":\"r1\"}").build());
        server.enqueue(json("{\"data\":{\"id\":\"1\",\"name\":\"Org\"}}"));

        assertThat(session.me().name()).isEqualTo("Org");

        assertThat(time.sleeps).containsExactly(Duration.ofMillis(400));
        assertThat(session.requestCount()).isEqualTo(2);
    }

    @Test
    void retryAfterIsReadAsDecimalSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-01-15T10:00:00Z");
        assertThat(SamsaraHttp.retryAfter("0.40235", now)).contains(Duration.ofNanos(402_350_000));
        assertThat(SamsaraHttp.retryAfter("2", now)).contains(Duration.ofSeconds(2));
        assertThat(SamsaraHttp.retryAfter("Thu, 15 Jan 2026 10:00:03 GMT", now)).contains(Duration.ofSeconds(3));
        assertThat(SamsaraHttp.retryAfter("soon", now)).isEmpty();
    }

    @Test
    void a429ThatOutlastsTheRetriesSurfacesAsRateLimited() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0.5")
                    .body("{\"message\":\"slow down\",\"requestId\":\"r429\"}").build());
        }

        assertThatThrownBy(() -> session.me())
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(429);
                    assertThat(e.retryAfter()).contains(Duration.ofMillis(500));
                    assertThat(e.requestId()).contains("r429");
                    assertThat(e.userMessage()).contains("too many requests");
                });
        assertThat(session.requestCount()).isEqualTo(4);
        assertThat(time.sleeps).hasSize(3);
    }

    @Test
    void a401SaysTheTokenWasRegeneratedOrRevoked() {
        server.enqueue(error(401, "Invalid token", "req-401"));

        assertThatThrownBy(() -> session.me())
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(401);
                    assertThat(e.samsaraMessage()).contains("Invalid token");
                    assertThat(e.requestId()).contains("req-401");
                    assertThat(e.endpoint()).isEqualTo("GET /me");
                    assertThat(e.userMessage()).contains("regenerated or revoked")
                            .contains("Create a new token in Samsara");
                });
        assertThat(session.requestCount()).as("a 401 is not retried without a new token").isEqualTo(1);
    }

    @Test
    void after401TheCallIsRetriedOnceWithTheTokenSourcesNewToken() throws Exception {
        AtomicInteger refreshes = new AtomicInteger();
        TokenSource oauth = new TokenSource() {
            @Override
            public String accessToken() {
                return "expired-access-token-1";
            }

            @Override
            public Optional<String> refreshAfterUnauthorized(String rejected) {
                assertThat(rejected).isEqualTo("expired-access-token-1");
                refreshes.incrementAndGet();
                return Optional.of("fresh-access-token-2");
            }
        };
        server.enqueue(error(401, "token expired", "r1"));
        server.enqueue(json("{\"data\":{\"id\":\"1\",\"name\":\"Org\"}}"));
        SamsaraSession s = client.session(oauth);

        assertThat(s.me().name()).isEqualTo("Org");

        assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer expired-access-token-1");
        assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer fresh-access-token-2");
        assertThat(refreshes).hasValue(1);
        assertThat(s.requestCount()).isEqualTo(2);
    }

    @Test
    void aSecond401AfterTheRefreshSurfaces() {
        TokenSource oauth = new TokenSource() {
            @Override
            public String accessToken() {
                return "access-token-a";
            }

            @Override
            public Optional<String> refreshAfterUnauthorized(String rejected) {
                return Optional.of("access-token-b");
            }
        };
        server.enqueue(error(401, "nope", "r1"));
        server.enqueue(error(401, "nope again", "r2"));
        SamsaraSession s = client.session(oauth);

        assertThatThrownBy(s::me).isInstanceOf(InvalidTokenException.class);
        assertThat(s.requestCount()).isEqualTo(2);
    }

    @Test
    void a403NamesTheScopeTheCallNeeds() {
        server.enqueue(error(403, "Forbidden", "req-403"));
        server.enqueue(error(403, "Forbidden", "req-403b"));

        assertThatThrownBy(() -> session.stats(java.util.Set.of(StatType.GPS), StatsQuery.allVehicles()))
                .isInstanceOfSatisfying(MissingScopeException.class, e -> {
                    assertThat(e.requiredScope()).isEqualTo("Read Vehicle Statistics");
                    assertThat(e.userMessage()).contains("cannot read vehicle statistics")
                            .contains("'Read Vehicle Statistics'").contains("Global Read")
                            .as("a 403 names every cause: scope, tags, licence")
                            .contains("limited to some tags", "organisation's Samsara licence");
                });
        assertThatThrownBy(() -> session.issueDriverAuthToken(1, "0123456789abcdef"))
                .isInstanceOfSatisfying(MissingScopeException.class, e -> {
                    assertThat(e.requiredScope()).isEqualTo("Write Driver Auth Token");
                    assertThat(e.userMessage()).contains("Global Read does not include it");
                });
    }

    @Test
    void a500OnAGetIsRetriedWithBackoffThenSucceeds() {
        server.enqueue(error(500, "internal", "r500"));
        server.enqueue(json("{\"data\":{\"id\":\"1\",\"name\":\"Org\"}}"));

        assertThat(session.me().name()).isEqualTo("Org");

        assertThat(session.requestCount()).isEqualTo(2);
        assertThat(time.sleeps).hasSize(1);
        assertThat(time.sleeps.getFirst()).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void repeated5xxSurfaceAsSamsaraUnavailableAfterTheRetries() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(error(503, "maintenance", "r503"));
        }

        assertThatThrownBy(() -> session.me())
                .isInstanceOfSatisfying(SamsaraUnavailableException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(503);
                    assertThat(e.userMessage()).contains("not available");
                });
        assertThat(session.requestCount()).isEqualTo(4);
        assertThat(time.sleeps).as("exponential: each wait is capped but grows")
                .hasSize(3)
                .satisfies(s -> assertThat(s.get(2)).isGreaterThan(s.get(0)));
    }

    @Test
    void aDriverAuthTokenPostIsNeverRetriedAfterA500() {
        server.enqueue(error(500, "internal", "r500"));
        server.enqueue(json("{\"data\":{\"token\":\"t\",\"expirationTime\":1}}"));

        assertThatThrownBy(() -> session.issueDriverAuthToken(7, "0123456789abcdef"))
                .isInstanceOf(SamsaraUnavailableException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void malformedJsonIsReportedAsAnUnreadableAnswer() {
        server.enqueue(json("{\"data\": [ {\"id\": \"1\", "));

        assertThatThrownBy(() -> session.vehicles(VehicleQuery.all()).toList())
                .isInstanceOfSatisfying(MalformedResponseException.class,
                        e -> assertThat(e.userMessage()).contains("could not read"));
    }

    @Test
    void aListAnswerWithoutDataIsMalformed() {
        server.enqueue(json("{\"vehicles\":[]}"));

        assertThatThrownBy(() -> session.vehicles(VehicleQuery.all()).toList())
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("no 'data'");
    }

    @Test
    void aReadTimeoutIsRetriedThenReportedAsNetworkTrouble() {
        try (SamsaraClient slow = clientBuilder().readTimeout(Duration.ofMillis(150)).maxRetries(2).build()) {
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS)
                        .body("{\"data\":{}}").build());
            }
            SamsaraSession s = slow.session(TokenSource.of(TOKEN));

            assertThatThrownBy(s::me)
                    .isInstanceOfSatisfying(NetworkException.class, e -> {
                        assertThat(e.httpStatus()).isEmpty();
                        assertThat(e.getMessage()).contains("SocketTimeoutException");
                        assertThat(e.userMessage()).contains("could not reach Samsara");
                    });
            assertThat(s.requestCount()).isEqualTo(3);
            assertThat(time.sleeps).hasSize(2);
        }
    }

    @Test
    void aRefusedConnectionIsNetworkTrouble() {
        int port = server.getPort();
        server.close();
        try (SamsaraClient gone = clientBuilder().baseUrl("http://127.0.0.1:" + port + PREFIX).maxRetries(1).build()) {
            assertThatThrownBy(() -> gone.session(TokenSource.of(TOKEN)).me()).isInstanceOf(NetworkException.class);
        }
    }

    @Test
    void aRequestSamsaraRefusesIsNotRetried() {
        server.enqueue(error(400, "bad parameter types", "r400"));

        assertThatThrownBy(() -> session.me())
                .isInstanceOfSatisfying(RequestRejectedException.class,
                        e -> assertThat(e.samsaraMessage()).contains("bad parameter types"));
        assertThat(session.requestCount()).isEqualTo(1);
    }

    @Test
    void anErrorPageThatIsNotJsonStillGivesATypedError() {
        server.enqueue(new MockResponse.Builder().code(502).body("<html>Bad Gateway</html>").build());
        server.enqueue(new MockResponse.Builder().code(502).body("<html>Bad Gateway</html>").build());
        try (SamsaraClient once = clientBuilder().maxRetries(1).build()) {
            assertThatThrownBy(() -> once.session(TokenSource.of(TOKEN)).me())
                    .isInstanceOfSatisfying(SamsaraUnavailableException.class,
                            e -> assertThat(e.samsaraMessage()).isEmpty());
        }
    }
}
