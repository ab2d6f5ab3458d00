package com.rigsync.demo.simulator;

import static com.rigsync.demo.simulator.SimulatedSamsara.GLOBAL_READ_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class StatsApiTest {

    private final SimulatedSamsaraServer server = SimulatedSamsaraServer.start();
    private final SamsaraHttp http = new SamsaraHttp(server.baseUrl());
    private final SimulatedFleet fleet = SimulatedFleet.demo();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersEngineStatesAndFuelPercentsUnderSingularKeys() {
        JsonNode medic = item(stats("engineStates,fuelPercents,gps"), "Medic 1");

        assertThat(medic.has("engineStates")).isFalse();
        assertThat(medic.at("/engineState/value").asString()).isIn("On", "Off", "Idle");
        assertThat(medic.at("/fuelPercent/value").asLong()).isBetween(0L, 100L);
        assertThat(medic.at("/gps/reverseGeo/formattedLocation").asString()).contains("Springfield");
        assertThat(medic.at("/gps/latitude").asDouble()).isCloseTo(39.78, org.assertj.core.data.Offset.offset(0.2));
        assertThat(medic.at("/gps/longitude").asDouble()).isCloseTo(-89.65, org.assertj.core.data.Offset.offset(0.2));
        assertThat(Instant.parse(medic.at("/gps/time").asString()))
                .isBeforeOrEqualTo(SimulatedSamsaraServer.DEFAULT_START);
    }

    @Test
    void leavesOutStatsAVehicleCannotReport() {
        JsonNode page = stats("obdOdometerMeters,gpsOdometerMeters,obdEngineSeconds");

        JsonNode engine1 = item(page, "Engine 1");
        JsonNode engine13 = item(page, "Engine 13");
        JsonNode engine6 = item(page, "Engine 6");
        assertThat(engine1.has("obdOdometerMeters")).isTrue();
        assertThat(engine1.at("/obdOdometerMeters/value").asLong()).isGreaterThan(10_000_000L);
        assertThat(engine13.has("obdOdometerMeters")).isFalse();
        assertThat(engine13.has("obdEngineSeconds")).isFalse();
        assertThat(engine13.has("gpsOdometerMeters")).isTrue();
        assertThat(engine6.propertyNames()).as("no gateway, no stats: only id, name and external ids")
                .containsExactly("id", "name", "externalIds");
        assertThat(engine1.at("/externalIds/samsara.vin").asString()).as("stats items carry externalIds")
                .isEqualTo(server.samsara().fleet().vehicleNamed("Engine 1").vin());
        assertThat(item(stats("syntheticEngineSeconds"), "Engine 13").has("syntheticEngineSeconds")).isTrue();
    }

    @Test
    void rejectsMoreThanThreeTypesAndUnknownOrMissingTypes() {
        var tooMany = http.get("/fleet/vehicles/stats?types=gps,engineStates,fuelPercents,obdOdometerMeters",
                GLOBAL_READ_TOKEN);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("message").asString()).contains("3");
        assertThat(http.get("/fleet/vehicles/stats", GLOBAL_READ_TOKEN).status()).isEqualTo(400);
        assertThat(http.get("/fleet/vehicles/stats?types=engineState", GLOBAL_READ_TOKEN).status()).isEqualTo(400);
        assertThat(http.get("/fleet/vehicles/stats/feed?types=gps,gps,gps,fuelPercents", GLOBAL_READ_TOKEN)
                .status()).isEqualTo(400);
    }

    @Test
    void faultCodesCarryJ1939AndObdiiCodesForAFewVehicles() {
        JsonNode page = stats("faultCodes");

        JsonNode engine2 = item(page, "Engine 2").get("faultCodes");
        assertThat(engine2.get("canBusType").asString()).as("Samsara's own value").isEqualTo("CANBUS_J1939_500");
        assertThat(engine2.at("/j1939/checkEngineLights/protectIsOn").asBoolean()).isTrue();
        assertThat(engine2.at("/j1939/diagnosticTroubleCodes/0/spnId").asInt()).isEqualTo(110);
        JsonNode medic3 = item(page, "Medic 3").get("faultCodes");
        assertThat(medic3.at("/obdii/checkEngineLightIsOn").asBoolean()).isTrue();
        assertThat(medic3.at("/obdii/diagnosticTroubleCodes/0/confirmedDtcs/0/dtcShortCode").asString())
                .isEqualTo("P0420");
        // the API sheet shows "milStatus": 1 here; Samsara's published schema types the OBD-II one as a boolean
        // (and the J1939 one as an integer), so a strict SDK would reject the integer
        assertThat(medic3.at("/obdii/diagnosticTroubleCodes/0/milStatus").isBoolean()).isTrue();
        assertThat(engine2.at("/j1939/diagnosticTroubleCodes/0/milStatus").isInt()).isTrue();
        assertThat(item(page, "Tanker 4").at("/faultCodes/oem/diagnosticTroubleCodes")).hasSize(1);
        assertThat(item(page, "Engine 1").at("/faultCodes/j1939/diagnosticTroubleCodes")).isEmpty();
        assertThat(item(page, "Engine 13").has("faultCodes")).isFalse();
    }

    @Test
    void filtersByVehicleIdsAndTags() {
        String ids = fleet.vehicleNamed("Engine 1").id() + "," + fleet.vehicleNamed("Truck 3").id();
        JsonNode byId = http.get("/fleet/vehicles/stats?types=gps&vehicleIds=" + ids, GLOBAL_READ_TOKEN).json();
        JsonNode byTag = http.get("/fleet/vehicles/stats?types=gps&tagIds=" + SimulatedFleet.PUBLIC_WORKS.id(),
                GLOBAL_READ_TOKEN).json();

        assertThat(byId.get("data")).hasSize(2);
        assertThat(byTag.get("data")).hasSize(2);
    }

    @Test
    void odometerAndEngineSecondsGrowAsTheClockMoves() {
        Map<String, Long> before = values(stats("obdOdometerMeters"), "obdOdometerMeters");
        Map<String, Long> hoursBefore = values(stats("obdEngineSeconds"), "obdEngineSeconds");

        server.samsara().advanceClock(Duration.ofDays(1));

        Map<String, Long> after = values(stats("obdOdometerMeters"), "obdOdometerMeters");
        Map<String, Long> hoursAfter = values(stats("obdEngineSeconds"), "obdEngineSeconds");
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((id, meters) -> assertThat(after.get(id)).isGreaterThanOrEqualTo(meters));
        assertThat(after.get(fleet.vehicleNamed("Medic 1").id()) - before.get(fleet.vehicleNamed("Medic 1").id()))
                .as("a medic unit drives about 84 km a day").isBetween(50_000L, 120_000L);
        assertThat(hoursAfter.get(fleet.vehicleNamed("Medic 1").id())
                - hoursBefore.get(fleet.vehicleNamed("Medic 1").id())).isBetween(3 * 3600L, 7 * 3600L);
        assertThat(after.get(fleet.vehicleNamed("Engine 6").id())).isNull();
    }

    @Test
    void theSameInstantGivesTheSameStats() {
        String first = http.get("/fleet/vehicles/stats?types=gps,obdOdometerMeters,engineStates",
                GLOBAL_READ_TOKEN).body();
        try (var other = SimulatedSamsaraServer.start()) {
            assertThat(new SamsaraHttp(other.baseUrl()).get(
                    "/fleet/vehicles/stats?types=gps,obdOdometerMeters,engineStates", GLOBAL_READ_TOKEN).body())
                    .isEqualTo(first);
        }
    }

    @Test
    void statsPageWithTheConfiguredPageSize() {
        try (var small = SimulatedSamsaraServer.start(new SimulatedSamsara(
                java.time.Clock.fixed(SimulatedSamsaraServer.DEFAULT_START, java.time.ZoneOffset.UTC), 10,
                SimulatedSamsara.DEFAULT_REDIRECT_URI))) {
            var smallHttp = new SamsaraHttp(small.baseUrl());
            List<String> ids = new ArrayList<>();
            String after = "";
            int pages = 0;
            while (true) {
                JsonNode page = smallHttp.get("/fleet/vehicles/stats?types=gps" + after, GLOBAL_READ_TOKEN).json();
                page.get("data").forEach(item -> ids.add(item.get("id").asString()));
                pages++;
                if (!page.at("/pagination/hasNextPage").asBoolean()) {
                    break;
                }
                after = "&after=" + page.at("/pagination/endCursor").asString();
            }
            assertThat(pages).isEqualTo((fleet.vehicles().size() + 9) / 10);
            assertThat(ids).hasSize(fleet.vehicles().size()).doesNotHaveDuplicates();
        }
    }

    @Test
    void theFeedStartsWithTheLatestReadingsThenGivesOnlyNewerOnes() {
        JsonNode first = http.get("/fleet/vehicles/stats/feed?types=obdOdometerMeters,engineStates,fuelPercents",
                GLOBAL_READ_TOKEN).json();
        assertThat(first.at("/pagination/hasNextPage").asBoolean()).isFalse();
        JsonNode engine1 = item(first, "Engine 1");
        assertThat(engine1.get("obdOdometerMeters").isArray()).isTrue();
        assertThat(engine1.get("obdOdometerMeters")).hasSize(1);
        // unlike the snapshot, the feed keys its lists by the names asked for: engineStates, not engineState.
        // The API sheet only mentions the singular keys; Samsara's published schema (VehicleStatsListResponseData)
        // and SDKs use the plural in the feed.
        assertThat(engine1.get("engineStates")).hasSize(1);
        assertThat(engine1.has("engineState")).isFalse();
        assertThat(engine1.get("fuelPercents")).hasSize(1);
        String cursor = first.at("/pagination/endCursor").asString();

        JsonNode caughtUp = http.get("/fleet/vehicles/stats/feed?types=obdOdometerMeters,engineStates,gps&after="
                + cursor, GLOBAL_READ_TOKEN).json();
        assertThat(caughtUp.get("data")).isEmpty();
        assertThat(caughtUp.at("/pagination/hasNextPage").asBoolean()).isFalse();

        Instant start = server.samsara().now();
        server.samsara().advanceClock(Duration.ofHours(3));
        Instant end = server.samsara().now();
        List<JsonNode> readings = new ArrayList<>();
        int pages = 0;
        while (true) {
            JsonNode page = http.get("/fleet/vehicles/stats/feed?types=obdOdometerMeters,engineStates,gps&after="
                    + cursor, GLOBAL_READ_TOKEN).json();
            pages++;
            page.get("data").forEach(item -> item.properties().forEach(stat -> {
                if (stat.getValue().isArray()) {
                    stat.getValue().forEach(readings::add);
                }
            }));
            cursor = page.at("/pagination/endCursor").asString();
            if (!page.at("/pagination/hasNextPage").asBoolean()) {
                break;
            }
            assertThat(pages).isLessThan(20);
        }
        assertThat(readings).isNotEmpty();
        assertThat(readings).allSatisfy(reading -> assertThat(Instant.parse(reading.get("time").asString()))
                .isAfter(start).isBeforeOrEqualTo(end));
        assertThat(pages).as("one page per hour of catching up").isGreaterThanOrEqualTo(3);
    }

    @Test
    void feedOdometerReadingsOfOneVehicleRiseOverTime() {
        String cursor = http.get("/fleet/vehicles/stats/feed?types=obdOdometerMeters", GLOBAL_READ_TOKEN).json()
                .at("/pagination/endCursor").asString();
        server.samsara().advanceClock(Duration.ofMinutes(50));
        Map<String, List<Long>> byVehicle = new HashMap<>();
        JsonNode page = http.get("/fleet/vehicles/stats/feed?types=obdOdometerMeters&after=" + cursor,
                GLOBAL_READ_TOKEN).json();
        page.get("data").forEach(item -> item.get("obdOdometerMeters").forEach(reading -> byVehicle
                .computeIfAbsent(item.get("id").asString(), id -> new ArrayList<>()).add(reading.get("value")
                        .asLong())));
        assertThat(byVehicle).isNotEmpty();
        byVehicle.values().forEach(values -> assertThat(values).isSorted());
    }

    private JsonNode stats(String types) {
        var answer = http.get("/fleet/vehicles/stats?types=" + types, GLOBAL_READ_TOKEN);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode item(JsonNode page, String vehicleName) {
        String id = fleet.vehicleNamed(vehicleName).id();
        for (JsonNode item : page.get("data")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(vehicleName + " missing from " + page);
    }

    private static Map<String, Long> values(JsonNode page, String key) {
        Map<String, Long> values = new HashMap<>();
        page.get("data").forEach(item -> {
            if (item.has(key)) {
                values.put(item.get("id").asString(), item.at("/" + key + "/value").asLong());
            }
        });
        return values;
    }
}
