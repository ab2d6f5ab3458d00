package com.rigsync.samsara;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client-side throttle slows a big sync to Samsara's documented rates instead of collecting 429s. */
class ThrottleTest extends SamsaraTestBase {

    @BeforeEach
    void answerEverything() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return json(page("{\"id\":\"1\"}", "", false));
            }
        });
    }

    @Test
    void sixtyVehicleListRequestsInABurstWaitAboutOnePointFourSeconds() {
        try (SamsaraClient throttled = clientBuilder().throttle(true).build()) {
            SamsaraSession s = throttled.session(TokenSource.of(TOKEN));
            for (int i = 0; i < 60; i++) {
                s.vehicles(VehicleQuery.all()).toList();
            }
            // 25 go at once, the other 35 at 25 per second
            assertThat(time.totalSlept()).isBetween(Duration.ofMillis(1390), Duration.ofMillis(1450));
            assertThat(s.requestCount()).isEqualTo(60);
        }
    }

    @Test
    void eachTokenHasItsOwnBuckets() {
        try (SamsaraClient throttled = clientBuilder().throttle(true).build()) {
            SamsaraSession busy = throttled.session(TokenSource.of(TOKEN));
            for (int i = 0; i < 30; i++) {
                busy.vehicles(VehicleQuery.all()).toList();
            }
            int sleepsSoFar = time.sleeps.size();
            throttled.session(TokenSource.of("another-departments-token")).vehicles(VehicleQuery.all()).toList();
            assertThat(time.sleeps).as("another department does not wait for this one").hasSize(sleepsSoFar);
        }
    }

    @Test
    void driverAuthTokensAreHeldTo100PerMinute() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return json("{\"data\":{\"token\":\"t\",\"expirationTime\":1}}");
            }
        });
        try (SamsaraClient throttled = clientBuilder().throttle(true).build()) {
            SamsaraSession s = throttled.session(TokenSource.of(TOKEN));
            for (int i = 0; i < 110; i++) {
                s.issueDriverAuthToken(i, "0123456789abcdef");
            }
            assertThat(time.totalSlept()).isBetween(Duration.ofMillis(5900), Duration.ofMillis(6100));
        }
    }

    @Test
    void theOverallLimitIs150PerSecondPerToken() {
        try (SamsaraClient throttled = clientBuilder().throttle(true).build()) {
            SamsaraSession s = throttled.session(TokenSource.of(TOKEN));
            for (int i = 0; i < 300; i++) {
                s.drivers(DriverQuery.active()).toList();
            }
            assertThat(time.totalSlept()).isBetween(Duration.ofMillis(990), Duration.ofMillis(1010));
        }
    }

    @Test
    void theThrottleKeysTokensByTheirHashOnly() {
        assertThat(Throttle.sha256(TOKEN)).hasSize(64).doesNotContain(TOKEN);
    }
}
