package com.rigsync.demo.simulator;

import static com.rigsync.demo.simulator.SimulatedSamsara.GLOBAL_READ_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class VehiclesApiTest {

    private final SimulatedSamsaraServer server = SimulatedSamsaraServer.start(new SimulatedSamsara(
            Clock.fixed(SimulatedSamsaraServer.DEFAULT_START, ZoneOffset.UTC), 7,
            SimulatedSamsara.DEFAULT_REDIRECT_URI));
    private final SamsaraHttp http = new SamsaraHttp(server.baseUrl());
    private final SimulatedFleet fleet = SimulatedFleet.demo();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void meNamesTheSimulatedOrganisation() {
        JsonNode me = http.get("/me", GLOBAL_READ_TOKEN).json().get("data");

        assertThat(me.get("id").asString()).isEqualTo(SimulatedFleet.ORGANIZATION_ID);
        assertThat(me.get("name").asString()).isEqualTo("Springfield Fire Rescue (simulated)");
    }

    @Test
    void listsTheWholeFleetOverSeveralPagesAndEndsWithAnEmptyCursor() {
        List<JsonNode> pages = listAll("/fleet/vehicles?limit=512");

        assertThat(pages).hasSize((fleet.vehicles().size() + 6) / 7);
        assertThat(pages.getLast().at("/pagination/endCursor").asString()).isEmpty();
        assertThat(ids(pages)).isEqualTo(fleet.vehicles().stream().map(SimulatedVehicle::id).toList());
        assertThat(server.samsara().requestCount("/fleet/vehicles")).isEqualTo(pages.size());
    }

    @Test
    void aSmallerLimitGivesSmallerPages() {
        JsonNode first = http.get("/fleet/vehicles?limit=3", GLOBAL_READ_TOKEN).json();

        assertThat(first.get("data")).hasSize(3);
        assertThat(first.at("/pagination/hasNextPage").asBoolean()).isTrue();
        assertThat(http.get("/fleet/vehicles?limit=513", GLOBAL_READ_TOKEN).status()).isEqualTo(400);
        assertThat(http.get("/fleet/vehicles?after=not-a-cursor", GLOBAL_READ_TOKEN).status()).isEqualTo(400);
    }

    @Test
    void emptyPagesWithHasNextPageKeepTheListGoingWithFreshCursors() {
        server.samsara().insertEmptyPages(2);

        List<JsonNode> pages = listAll("/fleet/vehicles");

        assertThat(pages.get(0).get("data")).isEmpty();
        assertThat(pages.get(1).get("data")).isEmpty();
        assertThat(pages.get(0).at("/pagination/hasNextPage").asBoolean()).isTrue();
        assertThat(pages.get(0).at("/pagination/endCursor").asString())
                .isNotEqualTo(pages.get(1).at("/pagination/endCursor").asString());
        assertThat(ids(pages)).hasSize(fleet.vehicles().size()).doesNotHaveDuplicates();
    }

    @Test
    void filtersByTagAndParentTag() {
        assertThat(ids(listAll("/fleet/vehicles?tagIds=" + SimulatedFleet.POLICE.id()))).hasSize(3);
        List<String> fire = ids(listAll("/fleet/vehicles?parentTagIds=" + SimulatedFleet.FIRE.id()));
        assertThat(fire).hasSize((int) fleet.vehicles().stream()
                .filter(v -> v.hasTagUnder(SimulatedFleet.FIRE.id())).count());
        assertThat(fire).doesNotContain(fleet.vehicleNamed("Police Unit 11").id(),
                fleet.vehicleNamed("PW Dump 4").id());
        assertThat(ids(listAll("/fleet/vehicles?tagIds=" + SimulatedFleet.STATION_1.id() + ","
                + SimulatedFleet.STATION_2.id()))).contains(fleet.vehicleNamed("Engine 1").id(),
                fleet.vehicleNamed("Engine 2").id());
    }

    @Test
    void filtersByUpdatedAndCreatedTime() {
        SimulatedVehicle last = fleet.vehicles().getLast();
        List<String> updated = ids(listAll("/fleet/vehicles?updatedAfterTime="
                + last.updatedAtTime().minusSeconds(1)));
        assertThat(updated).containsExactly(last.id());
        assertThat(ids(listAll("/fleet/vehicles?updatedAfterTime=" + last.updatedAtTime())))
                .as("'after' means at or after").containsExactly(last.id());
        assertThat(ids(listAll("/fleet/vehicles?createdAfterTime=" + last.createdAtTime()))).contains(last.id());
        assertThat(ids(listAll("/fleet/vehicles?createdAfterTime=2030-01-01T00:00:00Z"))).isEmpty();
        assertThat(http.get("/fleet/vehicles?updatedAfterTime=yesterday", GLOBAL_READ_TOKEN).status())
                .isEqualTo(400);
    }

    @Test
    void aVehicleItemHasTheDocumentedShape() {
        SimulatedVehicle engine1 = fleet.vehicleNamed("Engine 1");
        JsonNode item = http.get("/fleet/vehicles/" + engine1.id(), GLOBAL_READ_TOKEN).json().get("data");

        assertThat(item.get("id").asString()).isEqualTo(engine1.id());
        assertThat(item.get("name").asString()).isEqualTo("Engine 1");
        assertThat(item.get("vin").asString()).isEqualTo(engine1.vin());
        assertThat(item.get("make").asString()).isEqualTo("Pierce");
        assertThat(item.get("year").isString()).isTrue();
        assertThat(item.get("year").asString()).isEqualTo("2019");
        assertThat(item.get("licensePlate").asString()).isEqualTo(engine1.licensePlate());
        assertThat(item.at("/externalIds/samsara.vin").asString()).isEqualTo(engine1.vin());
        assertThat(item.at("/tags/0/name").asString()).isEqualTo("Station 1");
        assertThat(item.at("/tags/0/parentTagId").asString()).isEqualTo(SimulatedFleet.FIRE.id());
        assertThat(item.get("updatedAtTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void vehiclesWithoutVinHaveNoOrAnEmptyVin() {
        JsonNode trailer = http.get("/fleet/vehicles/" + fleet.vehicleNamed("Decon Trailer 1").id(),
                GLOBAL_READ_TOKEN).json().get("data");
        assertThat(trailer.has("vin")).isFalse();
        assertThat(trailer.has("year")).isFalse();
        SimulatedVehicle unnamed = fleet.vehicles().stream().filter(v -> "".equals(v.vin())).findFirst()
                .orElseThrow();
        JsonNode gateway = http.get("/fleet/vehicles/" + unnamed.id(), GLOBAL_READ_TOKEN).json().get("data");
        assertThat(gateway.get("vin").asString()).isEmpty();
        assertThat(gateway.get("name").asString()).isEqualTo(unnamed.gatewaySerial());
    }

    @Test
    void findsAVehicleByExactVinAndAnswers404Otherwise() {
        SimulatedVehicle ladder = fleet.vehicleNamed("Ladder 5");

        var found = http.get("/fleet/vehicles/samsara.vin:" + ladder.vin(), GLOBAL_READ_TOKEN);
        var encoded = http.get("/fleet/vehicles/samsara.vin%3A" + ladder.vin(), GLOBAL_READ_TOKEN);
        var lowerCase = http.get("/fleet/vehicles/samsara.vin:" + ladder.vin().toLowerCase(), GLOBAL_READ_TOKEN);
        var unknownId = http.get("/fleet/vehicles/123", GLOBAL_READ_TOKEN);

        assertThat(found.json().at("/data/id").asString()).isEqualTo(ladder.id());
        assertThat(encoded.json().at("/data/id").asString()).isEqualTo(ladder.id());
        assertThat(lowerCase.status()).isEqualTo(404);
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(unknownId.json().get("message").asString()).isNotBlank();
        assertThat(unknownId.json().get("requestId").asString()).isNotBlank();
        assertThat(http.get("/fleet/vehicles/123", GLOBAL_READ_TOKEN).json().get("requestId").asString())
                .isNotEqualTo(unknownId.json().get("requestId").asString());
    }

    @Test
    void anyExternalIdFindsItsVehicle() {
        SimulatedVehicle engine1 = fleet.vehicleNamed("Engine 1");
        String recordsId = SamsaraJson.recordsSystemId(engine1);

        var byRecordsId = http.get("/fleet/vehicles/firstdue.apparatusId:" + recordsId, GLOBAL_READ_TOKEN);
        var bySerial = http.get("/fleet/vehicles/samsara.serial:" + engine1.gatewaySerial(), GLOBAL_READ_TOKEN);

        assertThat(byRecordsId.json().at("/data/id").asString()).isEqualTo(engine1.id());
        assertThat(byRecordsId.json().at("/data/externalIds/firstdue.apparatusId").asString()).isEqualTo(recordsId);
        assertThat(bySerial.json().at("/data/id").asString()).isEqualTo(engine1.id());
        assertThat(http.get("/fleet/vehicles/firstdue.apparatusId:nope", GLOBAL_READ_TOKEN).status()).isEqualTo(404);
        assertThat(http.get("/fleet/vehicles/unknown.key:" + recordsId, GLOBAL_READ_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void theSameAnswerIsTheSameTextEveryTime() {
        String first = http.get("/fleet/vehicles/stats?types=faultCodes,gps", GLOBAL_READ_TOKEN).body();
        String again = http.get("/fleet/vehicles/stats?types=faultCodes,gps", GLOBAL_READ_TOKEN).body();

        assertThat(again).isEqualTo(first);
        assertThat(first.indexOf("\"checkEngineLights\"")).as("keys in a fixed order")
                .isLessThan(first.indexOf("\"diagnosticTroubleCodes\""));
    }

    @Test
    void requestsWithoutAnApiVersionAreCountedAndTheClientsAreNot() {
        server.samsara().clearRequestLog();
        http.get("/me", GLOBAL_READ_TOKEN);
        assertThat(server.samsara().requestCountWithoutVersion()).isEqualTo(1);

        try (var client = com.rigsync.samsara.SamsaraClient.builder().baseUrl(server.baseUrl()).build()) {
            var session = client.session(com.rigsync.samsara.TokenSource.of(GLOBAL_READ_TOKEN));
            session.me();
            session.vehicles(com.rigsync.samsara.VehicleQuery.all()).toList();
        }
        assertThat(server.samsara().requestCount()).as("me and every vehicle page").isGreaterThan(2);
        assertThat(server.samsara().requestCountWithoutVersion()).as("RigSync's client always asks for one")
                .isEqualTo(1);
    }

    @Test
    void unknownPathsAnswer404WithTheErrorBody() {
        var answer = http.get("/fleet/trailers", GLOBAL_READ_TOKEN);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().has("requestId")).isTrue();
    }

    private List<JsonNode> listAll(String firstPath) {
        List<JsonNode> pages = new ArrayList<>();
        String path = firstPath;
        while (true) {
            var answer = http.get(path, GLOBAL_READ_TOKEN);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode page = answer.json();
            pages.add(page);
            if (!page.at("/pagination/hasNextPage").asBoolean()) {
                return pages;
            }
            assertThat(pages).hasSizeLessThan(50);
            path = firstPath + (firstPath.contains("?") ? "&" : "?") + "after="
                    + page.at("/pagination/endCursor").asString();
        }
    }

    static List<String> ids(List<JsonNode> pages) {
        List<String> ids = new ArrayList<>();
        pages.forEach(page -> page.get("data").forEach(item -> ids.add(item.get("id").asString())));
        return ids;
    }
}
