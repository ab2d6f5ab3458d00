package com.rigsync.samsara;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    void tokensOfDifferentOrganisationsDoNotWaitForEachOther() {
        try (SamsaraClient throttled = clientBuilder().throttle(true).build()) {
            SamsaraSession busy = throttled.session(TokenSource.of(TOKEN), "11235813");
            for (int i = 0; i < 30; i++) {
                busy.vehicles(VehicleQuery.all()).toList();
            }
            int sleepsSoFar = time.sleeps.size();
            throttled.session(TokenSource.of("another-departments-token"), "99999").vehicles(VehicleQuery.all())
                    .toList();
            assertThat(time.sleeps).as("another organisation does not wait for this one").hasSize(sleepsSoFar);
        }
    }

    @Test
    void twoDepartmentsOnOneOrganisationStayWithinItsLimitsTogether() {
        try (SamsaraClient throttled = clientBuilder().throttle(true).build()) {
            SamsaraSession fire = throttled.session(TokenSource.of(TOKEN), "11235813");
            SamsaraSession ems = throttled.session(TokenSource.of("the-ems-departments-token"), "11235813");
            List<Instant> sent = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                (i % 2 == 0 ? fire : ems).vehicles(VehicleQuery.all()).toList();
                sent.add(time.instant()); // fake time moves only while the throttle sleeps, before the request
            }
            // 25/s per organisation: the first 25 at once, the other 25 over the next second, whichever token
            assertThat(time.totalSlept()).isBetween(Duration.ofMillis(990), Duration.ofMillis(1010));
            assertThat(Duration.between(sent.getFirst(), sent.getLast())).as("25 at once, then 25 a second")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(990));
            assertThat(sent.stream().filter(t -> t.equals(sent.getFirst())).count()).as("the burst").isEqualTo(25);
            assertThat(fire.requestCount() + ems.requestCount()).isEqualTo(50);
        }
    }

    @Test
    void theOrganisationsCapOf200PerSecondBindsTwoTokensThatEachStayUnder150() {
        try (SamsaraClient throttled = clientBuilder().throttle(true).build()) {
            SamsaraSession fire = throttled.session(TokenSource.of(TOKEN), "11235813");
            SamsaraSession ems = throttled.session(TokenSource.of("the-ems-departments-token"), "11235813");
            for (int i = 0; i < 400; i++) {
                (i % 2 == 0 ? fire : ems).drivers(DriverQuery.active()).toList();
            }
            // 200 at once, 200 more at 200/s: each token alone (200 requests) would have waited only 1/3 s
            assertThat(time.totalSlept()).isBetween(Duration.ofMillis(990), Duration.ofMillis(1010));
        }
    }

    @Test
    void anOrganisationLearnedFromMeCountsTheSessionAgainstItsSharedLimits() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return r.getUrl().encodedPath().endsWith("/me")
                        ? json("{\"data\":{\"id\":\"11235813\",\"name\":\"Springfield\"}}")
                        : json(page("{\"id\":\"1\"}", "", false));
            }
        });
        try (SamsaraClient throttled = clientBuilder().throttle(true).build()) {
            SamsaraSession known = throttled.session(TokenSource.of(TOKEN), "11235813");
            for (int i = 0; i < 25; i++) {
                known.vehicles(VehicleQuery.all()).toList();
            }
            SamsaraSession checking = throttled.session(TokenSource.of("a-token-being-tested"));
            checking.me();
            int sleepsSoFar = time.sleeps.size();
            checking.vehicles(VehicleQuery.all()).toList();
            assertThat(time.sleeps).as("the organisation's 25 list requests this second are spent")
                    .hasSize(sleepsSoFar + 1);
        }
    }

    @Test
    void aTokenWhoseOrganisationIsNotKnownYetHasItsOwnBuckets() {
        try (SamsaraClient throttled = clientBuilder().throttle(true).build()) {
            SamsaraSession busy = throttled.session(TokenSource.of(TOKEN), "11235813");
            for (int i = 0; i < 30; i++) {
                busy.vehicles(VehicleQuery.all()).toList();
            }
            int sleepsSoFar = time.sleeps.size();
            throttled.session(TokenSource.of("a-token-being-tested")).vehicles(VehicleQuery.all()).toList();
            assertThat(time.sleeps).hasSize(sleepsSoFar);
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
            SamsaraSession s = throttled.session(TokenSource.of(TOKEN), "11235813");
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
