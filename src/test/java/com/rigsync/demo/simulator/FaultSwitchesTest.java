package com.rigsync.demo.simulator;

import static com.rigsync.demo.simulator.SimulatedSamsara.DRIVER_TOKENS_TOKEN;
import static com.rigsync.demo.simulator.SimulatedSamsara.GLOBAL_READ_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;

class FaultSwitchesTest {

    /** The rate limit buckets' time, moved by hand so Retry-After values are exact. */
    private final AtomicLong nanos = new AtomicLong();
    private final SimulatedSamsaraServer server = SimulatedSamsaraServer.start(new SimulatedSamsara(
            Clock.fixed(SimulatedSamsaraServer.DEFAULT_START, ZoneOffset.UTC), SimulatedSamsara.DEFAULT_PAGE_SIZE,
            SimulatedSamsara.DEFAULT_REDIRECT_URI, SimulatedFleet.demo(), nanos::get));
    private final SimulatedSamsara samsara = server.samsara();
    private final SamsaraHttp http = new SamsaraHttp(server.baseUrl());
    private final SimulatedFleet fleet = SimulatedFleet.demo();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theVehicleListAllows25RequestsASecondThen429WithAFractionalRetryAfter() {
        for (int i = 0; i < 25; i++) {
            assertThat(http.get("/fleet/vehicles?limit=1", GLOBAL_READ_TOKEN).status()).isEqualTo(200);
        }

        var limited = http.get("/fleet/vehicles?limit=1", GLOBAL_READ_TOKEN);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("message").asString()).isNotBlank();
        assertThat(limited.json().get("requestId").asString()).isNotBlank();
        String retryAfter = limited.header("Retry-After");
        assertThat(retryAfter).matches("\\d+\\.\\d+");
        assertThat(new BigDecimal(retryAfter)).isEqualByComparingTo("0.04");
        assertThat(http.get("/fleet/vehicles?limit=1", DRIVER_TOKENS_TOKEN).status())
                .as("the endpoint's limit is the organisation's, shared by its tokens").isEqualTo(429);
        assertThat(http.get("/me", GLOBAL_READ_TOKEN).status()).as("other endpoints have room").isEqualTo(200);

        nanos.addAndGet(Duration.ofMillis(30).toNanos());
        var stillLimited = http.get("/fleet/vehicles?limit=1", GLOBAL_READ_TOKEN);
        assertThat(stillLimited.status()).isEqualTo(429);
        assertThat(new BigDecimal(stillLimited.header("Retry-After"))).isEqualByComparingTo("0.01");

        nanos.addAndGet(Duration.ofMillis(10).toNanos());
        assertThat(http.get("/fleet/vehicles?limit=1", GLOBAL_READ_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void everyTokenHas150RequestsASecondOverall() {
        for (int i = 0; i < 150; i++) {
            assertThat(http.get("/me", GLOBAL_READ_TOKEN).status()).isEqualTo(200);
        }
        var limited = http.get("/fleet/drivers", GLOBAL_READ_TOKEN);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(new BigDecimal(limited.header("Retry-After"))).isBetween(new BigDecimal("0.006"),
                new BigDecimal("0.007"));
    }

    @Test
    void theOrganisationHas200RequestsASecondWhateverTokensSendThem() {
        for (int i = 0; i < 140; i++) {
            assertThat(http.get("/me", GLOBAL_READ_TOKEN).status()).isEqualTo(200);
        }
        for (int i = 0; i < 60; i++) {
            assertThat(http.get("/me", DRIVER_TOKENS_TOKEN).status()).isEqualTo(200);
        }

        assertThat(http.get("/me", DRIVER_TOKENS_TOKEN).status()).as("60 for this token, 200 for the organisation")
                .isEqualTo(429);
        assertThat(http.get("/me", GLOBAL_READ_TOKEN).status()).isEqualTo(429);
        nanos.addAndGet(Duration.ofMillis(10).toNanos());
        assertThat(http.get("/me", DRIVER_TOKENS_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutTheScopeHears403EvenWhileTheLimitsAreSpent() {
        for (int i = 0; i < 25; i++) {
            assertThat(http.get("/fleet/vehicles?limit=1", GLOBAL_READ_TOKEN).status()).isEqualTo(200);
        }
        for (int i = 0; i < 150; i++) {
            http.get("/me", SimulatedSamsara.NO_STATS_TOKEN);
        }

        assertThat(http.get("/fleet/vehicles/stats?types=gps", SimulatedSamsara.NO_STATS_TOKEN).status())
                .as("what a token may do is decided before whether it may do it now").isEqualTo(403);
    }

    @Test
    void aPlain429SwitchStillSaysWhenToComeBack() {
        samsara.failNextRequests(1, 429);

        var limited = http.get("/me", GLOBAL_READ_TOKEN);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(new BigDecimal(limited.header("Retry-After"))).isEqualByComparingTo("1.0");
        assertThat(http.get("/me", GLOBAL_READ_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void driverAuthTokensAllow100AMinute() {
        String body = "{\"code\":\"a1b2c3d4e5f6g7\",\"username\":\"MAlvarez\"}";
        for (int i = 0; i < 100; i++) {
            assertThat(http.postJson("/fleet/drivers/auth-token", body, DRIVER_TOKENS_TOKEN).status())
                    .isEqualTo(200);
        }
        var limited = http.postJson("/fleet/drivers/auth-token", body, DRIVER_TOKENS_TOKEN);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(new BigDecimal(limited.header("Retry-After"))).isEqualByComparingTo("0.6");
    }

    @Test
    void rateLimitsCanBeSwitchedOff() {
        samsara.setRateLimitsEnabled(false);

        for (int i = 0; i < 40; i++) {
            assertThat(http.get("/fleet/vehicles?limit=1", GLOBAL_READ_TOKEN).status()).isEqualTo(200);
        }
    }

    @Test
    void failuresAnswer503ForTheNextRequestsOnly() {
        samsara.failNextRequests(2);

        var first = http.get("/me", GLOBAL_READ_TOKEN);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().get("requestId").asString()).isNotBlank();
        assertThat(http.get("/fleet/vehicles", GLOBAL_READ_TOKEN).status()).isEqualTo(503);
        assertThat(http.get("/me", GLOBAL_READ_TOKEN).status()).isEqualTo(200);

        samsara.failNextRequests(1, 500);
        assertThat(http.get("/me", GLOBAL_READ_TOKEN).status()).isEqualTo(500);
    }

    @Test
    void slowResponsesWaitTheDelay() {
        samsara.setResponseDelay(Duration.ofMillis(300));

        long start = System.nanoTime();
        assertThat(http.get("/me", GLOBAL_READ_TOKEN).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        samsara.resetFaults();
        start = System.nanoTime();
        http.get("/me", GLOBAL_READ_TOKEN);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void malformedJsonForTheNextResponsesOnly() {
        samsara.malformNextResponses(1);

        var broken = http.get("/fleet/vehicles", GLOBAL_READ_TOKEN);

        assertThat(broken.status()).isEqualTo(200);
        assertThatThrownBy(broken::json).isInstanceOf(JacksonException.class);
        assertThat(http.get("/fleet/vehicles", GLOBAL_READ_TOKEN).json().get("data")).isNotEmpty();
    }

    @Test
    void aTokenRevokedAtRuntimeAnswers401() {
        assertThat(http.get("/me", GLOBAL_READ_TOKEN).status()).isEqualTo(200);

        samsara.revokeToken(GLOBAL_READ_TOKEN);

        assertThat(http.get("/me", GLOBAL_READ_TOKEN).status()).isEqualTo(401);
        samsara.reset();
        assertThat(http.get("/me", GLOBAL_READ_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void aDeletedVehicleDisappears() {
        SimulatedVehicle truck = fleet.vehicleNamed("Truck 3");

        samsara.deleteVehicle(truck.id());

        assertThat(http.get("/fleet/vehicles/" + truck.id(), GLOBAL_READ_TOKEN).status()).isEqualTo(404);
        assertThat(http.get("/fleet/vehicles/samsara.vin:" + truck.vin(), GLOBAL_READ_TOKEN).status())
                .isEqualTo(404);
        assertThat(http.get("/fleet/vehicles", GLOBAL_READ_TOKEN).json().get("data"))
                .hasSize(fleet.vehicles().size() - 1);
        assertThat(http.get("/fleet/vehicles/stats?types=gps", GLOBAL_READ_TOKEN).json().get("data"))
                .hasSize(fleet.vehicles().size() - 1);
        assertThat(samsara.vehicles()).doesNotContain(truck);
        samsara.resetFleet();
        assertThat(http.get("/fleet/vehicles/" + truck.id(), GLOBAL_READ_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void aChangedVinIsFoundUnderTheNewVinOnlyAndMarksTheVehicleUpdated() {
        SimulatedVehicle engine4 = fleet.vehicleNamed("Engine 4");
        String newVin = VinCheckDigit.withCheckDigit("4P1BAAGF0MA000123");
        samsara.advanceClock(Duration.ofMinutes(5));

        samsara.changeVin(engine4.id(), newVin);

        assertThat(http.get("/fleet/vehicles/samsara.vin:" + engine4.vin(), GLOBAL_READ_TOKEN).status())
                .isEqualTo(404);
        var found = http.get("/fleet/vehicles/samsara.vin:" + newVin, GLOBAL_READ_TOKEN).json().get("data");
        assertThat(found.get("id").asString()).isEqualTo(engine4.id());
        assertThat(found.get("updatedAtTime").asString()).isEqualTo(samsara.now().toString());
        assertThat(http.get("/fleet/vehicles?updatedAfterTime=" + SimulatedSamsaraServer.DEFAULT_START,
                GLOBAL_READ_TOKEN).json().get("data")).hasSize(1);
    }

    @Test
    void countsRequestsPerPath() {
        http.get("/me", GLOBAL_READ_TOKEN);
        http.get("/fleet/vehicles", GLOBAL_READ_TOKEN);
        http.get("/fleet/vehicles", "unknown");

        assertThat(samsara.requestCount("/fleet/vehicles")).isEqualTo(2);
        assertThat(samsara.requestCount("/me")).isEqualTo(1);
        assertThat(samsara.requestCount()).isEqualTo(3);
        assertThat(samsara.requestLog()).extracting(SimulatedSamsara.LoggedRequest::status)
                .containsExactly(200, 200, 401);
        assertThat(samsara.requestLog().toString()).doesNotContain(GLOBAL_READ_TOKEN);

        samsara.clearRequestLog();
        assertThat(samsara.requestCount()).isZero();
    }

    @Test
    void theClockOnlyMovesForward() {
        assertThatThrownBy(() -> samsara.advanceClock(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        samsara.advanceClock(Duration.ofHours(2));
        assertThat(samsara.now()).isEqualTo(SimulatedSamsaraServer.DEFAULT_START.plus(Duration.ofHours(2)));
    }

    @Test
    void failuresCanBeAimedAtOnePathAfterSomeRequestsAndRateLimitsCarryTheGivenRetryAfter() {
        samsara.failRequestsTo("/fleet/vehicles/stats", 1, 2, 503);
        assertThat(http.get("/fleet/vehicles", GLOBAL_READ_TOKEN).status()).as("another path").isEqualTo(200);
        assertThat(http.get("/fleet/vehicles/stats?types=gps", GLOBAL_READ_TOKEN).status()).isEqualTo(200);
        assertThat(http.get("/fleet/vehicles/stats?types=gps", GLOBAL_READ_TOKEN).status()).isEqualTo(503);
        assertThat(http.get("/fleet/vehicles/stats?types=gps", GLOBAL_READ_TOKEN).status()).isEqualTo(503);
        assertThat(http.get("/fleet/vehicles/stats?types=gps", GLOBAL_READ_TOKEN).status()).isEqualTo(200);

        samsara.rateLimitNextRequests(null, 1, "0.40235");
        var limited = http.get("/me", GLOBAL_READ_TOKEN);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("0.40235");
        assertThat(http.get("/me", GLOBAL_READ_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void anOdometerCanBeMovedBackOrForwardUntilTheFleetIsReset() {
        SimulatedVehicle vehicle = samsara.vehicles().stream().filter(SimulatedVehicle::reportsObd).findFirst()
                .orElseThrow();
        String url = "/fleet/vehicles/stats?types=obdOdometerMeters&vehicleIds=" + vehicle.id();
        long before = http.get(url, GLOBAL_READ_TOKEN).json().get("data").get(0).get("obdOdometerMeters")
                .get("value").asLong();

        samsara.moveOdometer(vehicle.id(), -1_000_000);
        assertThat(http.get(url, GLOBAL_READ_TOKEN).json().get("data").get(0).get("obdOdometerMeters")
                .get("value").asLong()).isEqualTo(before - 1_000_000);

        samsara.resetFleet();
        assertThat(http.get(url, GLOBAL_READ_TOKEN).json().get("data").get(0).get("obdOdometerMeters")
                .get("value").asLong()).isEqualTo(before);
    }
}
