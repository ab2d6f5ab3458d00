package com.rigsync.demo.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rigsync.demo.simulator.SimulatedFleet.Meter;
import com.rigsync.demo.simulator.SimulatedFleet.MeterReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.rigsync.demo.simulator.SimulatedSamsara.GLOBAL_READ_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meter history the demo backfills comes from the simulator's own telemetry: every past reading is what the stats
 * API answers for that vehicle at that time, and the series ends before the latest reading, so a sync continues it.
 */
class PastMeterReadingsTest {

    private static final Duration SPAN = Duration.ofDays(30);
    private static final Duration STEP = Duration.ofHours(6);

    private final SimulatedSamsaraServer server = SimulatedSamsaraServer.start();
    private final SamsaraHttp http = new SamsaraHttp(server.baseUrl());
    private final SimulatedFleet fleet = SimulatedFleet.demo();
    private final Instant now = server.samsara().now();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pastOdometerAndEngineReadingsAreTheStatsApisAnswersAtThoseTimesRisingAndOlderThanTheLatest() {
        String medic = fleet.vehicleNamed("Medic 1").id();

        assertSeriesMatchesTheApi(medic, Meter.ODOMETER, "obdOdometerMeters");
        assertSeriesMatchesTheApi(medic, Meter.ENGINE_SECONDS, "obdEngineSeconds");
        assertThat(fleet.pastReadings(medic, Meter.ODOMETER, now, SPAN, STEP))
                .as("about one reading every six hours").hasSizeBetween(60, 121);
    }

    @Test
    void aVehicleWithoutObdGivesItsGpsOdometerAndSyntheticEngineSecondsAsASyncFallsBack() {
        String engine13 = fleet.vehicleNamed("Engine 13").id();

        assertSeriesMatchesTheApi(engine13, Meter.ODOMETER, "gpsOdometerMeters");
        assertSeriesMatchesTheApi(engine13, Meter.ENGINE_SECONDS, "syntheticEngineSeconds");
    }

    @Test
    void aVehicleWithoutGatewayHasNoneAndTheSilentOneStopsDaysAgo() {
        String engine6 = fleet.vehicleNamed("Engine 6").id();
        assertThat(fleet.pastReadings(engine6, Meter.ODOMETER, now, SPAN, STEP)).isEmpty();
        assertThat(fleet.latestReading(engine6, Meter.ENGINE_SECONDS, now)).isEmpty();

        List<MeterReading> truck2 = fleet.pastReadings(fleet.vehicleNamed("Truck 2").id(), Meter.ENGINE_SECONDS, now,
                SPAN, STEP);
        assertThat(truck2).isNotEmpty();
        assertThat(truck2.getLast().time()).isBefore(now.minus(Duration.ofDays(3)));
    }

    private void assertSeriesMatchesTheApi(String vehicleId, Meter meter, String statType) {
        List<MeterReading> series = fleet.pastReadings(vehicleId, meter, now, SPAN, STEP);
        MeterReading latest = fleet.latestReading(vehicleId, meter, now).orElseThrow();

        assertThat(series).hasSizeGreaterThan(20);
        assertThat(series.getFirst().time()).isAfterOrEqualTo(now.minus(SPAN).minus(Duration.ofDays(7)));
        for (int i = 1; i < series.size(); i++) {
            assertThat(series.get(i).time()).isAfter(series.get(i - 1).time());
            assertThat(series.get(i).value()).isGreaterThanOrEqualTo(series.get(i - 1).value());
        }
        assertThat(series.getLast().time()).isBefore(latest.time());
        assertThat(series.getLast().value()).isLessThanOrEqualTo(latest.value());
        assertThat(apiAnswer(vehicleId, statType, now)).isEqualTo(latest);
        for (int i = 0; i < series.size(); i += 7) {
            assertThat(apiAnswer(vehicleId, statType, series.get(i).time())).isEqualTo(series.get(i));
        }
    }

    private MeterReading apiAnswer(String vehicleId, String statType, Instant at) {
        var answer = http.get("/fleet/vehicles/stats?types=" + statType + "&vehicleIds=" + vehicleId + "&time=" + at,
                GLOBAL_READ_TOKEN);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode reading = answer.json().at("/data/0/" + statType);
        return new MeterReading(Instant.parse(reading.get("time").asString()), reading.get("value").asLong());
    }
}
