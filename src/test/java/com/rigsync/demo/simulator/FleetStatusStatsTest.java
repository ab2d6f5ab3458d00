package com.rigsync.demo.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.rigsync.demo.simulator.SimulatedSamsara.GLOBAL_READ_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated fleet gives every Fleet-status figure something to show, through the HTTP API as any Samsara client
 * reads it: fault codes with lamps (and one code with only an id), a vehicle whose gateway went silent days ago, one
 * low on fuel, and GPS readings without an address.
 */
class FleetStatusStatsTest {

    private static final Set<String> FAULTY = Set.of("Engine 2", "Medic 3", "Tanker 4", "Rescue 5", "Utility 3");

    private final SimulatedSamsaraServer server = SimulatedSamsaraServer.start();
    private final SamsaraHttp http = new SamsaraHttp(server.baseUrl());
    private final SimulatedFleet fleet = SimulatedFleet.demo();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aJ1939TruckHasTheRedStopLampOnWithSpnFmiDescriptionsAndOccurrenceCounts() {
        JsonNode faults = item(get("/fleet/vehicles/stats?types=faultCodes"), "Rescue 5").get("faultCodes");

        assertThat(faults.get("canBusType").asString()).isEqualTo("CANBUS_J1939_500");
        assertThat(faults.at("/j1939/checkEngineLights/stopIsOn").asBoolean()).isTrue();
        assertThat(faults.at("/j1939/checkEngineLights/warningIsOn").asBoolean()).isTrue();
        assertThat(faults.at("/j1939/checkEngineLights/protectIsOn").asBoolean()).isFalse();
        JsonNode codes = faults.at("/j1939/diagnosticTroubleCodes");
        assertThat(codes).hasSize(2);
        JsonNode oil = codes.get(0);
        assertThat(oil.get("spnId").asInt()).isEqualTo(100);
        assertThat(oil.get("fmiId").asInt()).isEqualTo(1);
        assertThat(oil.get("occurrenceCount").asInt()).isEqualTo(2);
        assertThat(oil.get("spnDescription").asString()).isEqualTo("Engine oil pressure");
        assertThat(oil.get("fmiDescription").asString()).isEqualTo("Low - most severe");
        assertThat(oil.get("milStatus").isInt()).as("an integer for J1939").isTrue();
        assertThat(codes.get(1).get("occurrenceCount").asInt()).isEqualTo(5);
        assertThat(faults.has("obdii")).isFalse();
    }

    @Test
    void anObdiiVanHasTheCheckEngineLightOnAndAPickupACodeWithOnlyAnId() {
        JsonNode page = get("/fleet/vehicles/stats?types=faultCodes");

        JsonNode medic3 = item(page, "Medic 3").at("/faultCodes/obdii");
        assertThat(medic3.get("checkEngineLightIsOn").asBoolean()).isTrue();
        JsonNode catalyst = medic3.at("/diagnosticTroubleCodes/0/confirmedDtcs/0");
        assertThat(catalyst.get("dtcShortCode").asString()).isEqualTo("P0420");
        assertThat(catalyst.get("dtcDescription").asString()).isEqualTo("Catalyst efficiency below threshold");

        JsonNode utility3 = item(page, "Utility 3").get("faultCodes");
        assertThat(utility3.get("canBusType").asString()).isEqualTo("OBDII");
        assertThat(utility3.at("/obdii/checkEngineLightIsOn").asBoolean()).isFalse();
        JsonNode code = utility3.at("/obdii/diagnosticTroubleCodes/0");
        assertThat(code.get("milStatus").asBoolean()).isFalse();
        JsonNode idOnly = code.at("/confirmedDtcs/0");
        assertThat(idOnly.get("dtcId").asInt()).isPositive();
        assertThat(idOnly.has("dtcShortCode")).as("no short code").isFalse();
        assertThat(idOnly.has("dtcDescription")).as("no description").isFalse();
    }

    @Test
    void everyOtherVehicleReportsNoActiveCodesAndNoLamps() {
        JsonNode page = get("/fleet/vehicles/stats?types=faultCodes");
        List<String> checked = new ArrayList<>();

        for (JsonNode item : page.get("data")) {
            String name = item.get("name").asString();
            if (FAULTY.contains(name) || !item.has("faultCodes")) {
                continue;
            }
            JsonNode faults = item.get("faultCodes");
            assertThat(faults.at("/obdii/diagnosticTroubleCodes").isMissingNode()
                    || faults.at("/obdii/diagnosticTroubleCodes").isEmpty()).as(name).isTrue();
            assertThat(faults.at("/obdii/checkEngineLightIsOn").asBoolean(false)).as(name).isFalse();
            assertThat(faults.at("/j1939/diagnosticTroubleCodes").isMissingNode()
                    || faults.at("/j1939/diagnosticTroubleCodes").isEmpty()).as(name).isTrue();
            faults.at("/j1939/checkEngineLights").properties()
                    .forEach(lamp -> assertThat(lamp.getValue().asBoolean()).as(name + " " + lamp.getKey()).isFalse());
            assertThat(faults.has("oem")).as(name).isFalse();
            checked.add(name);
        }
        assertThat(checked).hasSizeGreaterThan(25).contains("Engine 1", "Medic 1");
    }

    @Test
    void truck2sGatewayWentSilentDaysAgoAndItsFeedBringsNothing() {
        Instant now = server.samsara().now();
        List<Instant> times = new ArrayList<>();
        for (String types : List.of("obdOdometerMeters,obdEngineSeconds,gps", "engineStates,fuelPercents,faultCodes",
                "gpsOdometerMeters,syntheticEngineSeconds,batteryMilliVolts")) {
            JsonNode truck = item(get("/fleet/vehicles/stats?types=" + types), "Truck 2");
            truck.properties().stream().filter(stat -> stat.getValue().has("time"))
                    .forEach(stat -> times.add(Instant.parse(stat.getValue().get("time").asString())));
        }
        assertThat(times).as("it reported every stat before it went quiet").hasSize(9);
        assertThat(times).allSatisfy(t -> assertThat(t).isBefore(now.minus(Duration.ofDays(3)).plusSeconds(1)));
        Instant engine1Odometer = Instant.parse(item(get("/fleet/vehicles/stats?types=obdOdometerMeters"),
                "Engine 1").at("/obdOdometerMeters/time").asString());
        assertThat(engine1Odometer).as("the rest of the fleet is current").isAfter(now.minus(Duration.ofDays(1)));

        String cursor = get("/fleet/vehicles/stats/feed?types=obdOdometerMeters,gps,engineStates")
                .at("/pagination/endCursor").asString();
        server.samsara().advanceClock(Duration.ofHours(12));
        List<String> reporting = new ArrayList<>();
        for (int page = 0; page < 30; page++) {
            JsonNode answer = get("/fleet/vehicles/stats/feed?types=obdOdometerMeters,gps,engineStates&after="
                    + cursor);
            answer.get("data").forEach(item -> reporting.add(item.get("name").asString()));
            cursor = answer.at("/pagination/endCursor").asString();
            if (!answer.at("/pagination/hasNextPage").asBoolean()) {
                break;
            }
        }
        assertThat(reporting).contains("Medic 1").doesNotContain("Truck 2");
    }

    @Test
    void aFaultCodeRaisedOnTheDemoPageAndClearedByAResetComesWithTheNextFeed() {
        String engine1 = fleet.vehicleNamed("Engine 1").id();
        String feed = "/fleet/vehicles/stats/feed?types=faultCodes&vehicleIds=" + engine1;
        String cursor = get(feed).at("/pagination/endCursor").asString();
        server.samsara().advanceClock(Duration.ofMinutes(1));
        Instant raised = server.samsara().now();
        server.samsara().raiseFaultCode(engine1);
        server.samsara().advanceClock(Duration.ofMinutes(1));

        JsonNode next = get(feed + "&after=" + cursor);
        assertThat(next.get("data")).as("vehicles with new fault code readings").hasSize(1);
        JsonNode readings = next.get("data").get(0).get("faultCodes");
        assertThat(readings).hasSize(1);
        assertThat(Instant.parse(readings.get(0).get("time").asString())).isEqualTo(raised);
        assertThat(readings.get(0).toString()).contains("diagnosticTroubleCodes");
        assertThat(Instant.parse(item(get("/fleet/vehicles/stats?types=faultCodes"), "Engine 1")
                .at("/faultCodes/time").asString())).as("the latest reading, as a snapshot has it").isEqualTo(raised);

        // "Reset simulator" clears it, and the next feed says so: a reading without codes, lamps off
        cursor = next.at("/pagination/endCursor").asString();
        server.samsara().advanceClock(Duration.ofMinutes(1));
        Instant cleared = server.samsara().now();
        server.samsara().reset();
        server.samsara().advanceClock(Duration.ofMinutes(1));
        JsonNode after = get(feed + "&after=" + cursor);
        assertThat(after.get("data")).as("vehicles with new fault code readings").hasSize(1);
        JsonNode clear = after.get("data").get(0).get("faultCodes").get(0);
        assertThat(Instant.parse(clear.get("time").asString())).isEqualTo(cleared);
        assertThat(clear.at("/j1939/diagnosticTroubleCodes")).isEmpty();
        assertThat(clear.at("/j1939/checkEngineLights/stopIsOn").asBoolean()).isFalse();
    }

    @Test
    void tanker2StaysLowOnFuel() {
        String tanker = fleet.vehicleNamed("Tanker 2").id();
        List<Long> percents = new ArrayList<>();
        Instant start = server.samsara().now();
        for (int hours = 0; hours < 24 * 14; hours += 5) {
            JsonNode page = get("/fleet/vehicles/stats?types=fuelPercents&vehicleIds=" + tanker + "&time="
                    + start.minus(Duration.ofHours(hours)));
            percents.add(page.at("/data/0/fuelPercent/value").asLong());
        }

        assertThat(percents).allSatisfy(p -> assertThat(p).isBetween(12L, 18L));
        assertThat(item(get("/fleet/vehicles/stats?types=fuelPercents"), "Medic 1").at("/fuelPercent/value")
                .asLong()).as("the others are refuelled").isGreaterThanOrEqualTo(23L);
    }

    @Test
    void brush2ParkedAtTheStagingAreaHasCoordinatesWithoutAnAddressAndAddressesOnItsWayThroughTown() {
        JsonNode gps = item(get("/fleet/vehicles/stats?types=gps"), "Brush 2").get("gps");
        assertThat(gps.get("latitude").asDouble()).isBetween(39.0, 40.5);
        assertThat(gps.get("longitude").asDouble()).isBetween(-90.5, -89.0);
        assertThat(gps.has("reverseGeo")).as("Samsara found no address there").isFalse();

        String brush = fleet.vehicleNamed("Brush 2").id();
        String cursor = get("/fleet/vehicles/stats/feed?types=gps&vehicleIds=" + brush)
                .at("/pagination/endCursor").asString();
        server.samsara().advanceClock(Duration.ofDays(2));
        List<JsonNode> readings = new ArrayList<>();
        for (int page = 0; page < 60; page++) {
            JsonNode answer = get("/fleet/vehicles/stats/feed?types=gps&vehicleIds=" + brush + "&after=" + cursor);
            answer.get("data").forEach(item -> item.get("gps").forEach(readings::add));
            cursor = answer.at("/pagination/endCursor").asString();
            if (!answer.at("/pagination/hasNextPage").asBoolean()) {
                break;
            }
        }
        assertThat(readings).as("it drove").isNotEmpty();
        assertThat(readings).anySatisfy(r -> assertThat(r.at("/reverseGeo/formattedLocation").asString())
                .endsWith("Springfield"));
        assertThat(readings.getLast().has("reverseGeo")).as("back at the staging area").isFalse();
        assertThat(item(get("/fleet/vehicles/stats?types=gps"), "Engine 1").at("/gps/reverseGeo/formattedLocation")
                .asString()).as("a station has an address").isNotBlank();
    }

    private JsonNode get(String pathAndQuery) {
        var answer = http.get(pathAndQuery, GLOBAL_READ_TOKEN);
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
}
