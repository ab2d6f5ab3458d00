package com.rigsync.demo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fleet grown to 50,000 vehicles, as the client benchmark reads it: 98 pages of at most 512. */
class LargeFleetTest {

    private static final SimulatedFleet FLEET = SimulatedFleet.withVehicles(50_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void startsWithTheDemoFleetAndKeepsIdsAndVinsUniqueAndValid() {
        List<SimulatedVehicle> vehicles = FLEET.vehicles();

        assertThat(vehicles).hasSize(50_000);
        assertThat(vehicles.subList(0, SimulatedFleet.demo().vehicles().size()))
                .isEqualTo(SimulatedFleet.demo().vehicles());
        assertThat(new HashSet<>(vehicles.stream().map(SimulatedVehicle::id).toList())).hasSize(50_000);
        List<String> vins = vehicles.stream().map(SimulatedVehicle::vin).filter(v -> v != null && !v.isEmpty())
                .toList();
        assertThat(new HashSet<>(vins)).hasSameSizeAs(vins);
        assertThat(vins).allMatch(VinCheckDigit::isValid);
    }

    @Test
    void listsInTheMinimumNumberOfPagesAndReadsStatsForAFullPage() {
        var samsara = new SimulatedSamsara(Clock.fixed(SimulatedSamsaraServer.DEFAULT_START, ZoneOffset.UTC),
                SimulatedSamsara.DEFAULT_PAGE_SIZE, SimulatedSamsara.DEFAULT_REDIRECT_URI, FLEET, System::nanoTime);
        samsara.setRateLimitsEnabled(false);
        int pages = 0;
        int vehicles = 0;
        String after = "";
        while (true) {
            JsonNode page = get(samsara, "/fleet/vehicles", "limit=512" + after);
            pages++;
            vehicles += page.get("data").size();
            if (!page.at("/pagination/hasNextPage").asBoolean()) {
                break;
            }
            after = "&after=" + page.at("/pagination/endCursor").asString();
        }
        assertThat(pages).isEqualTo(98);
        assertThat(vehicles).isEqualTo(50_000);

        JsonNode stats = get(samsara, "/fleet/vehicles/stats", "types=obdOdometerMeters,obdEngineSeconds,gps");
        assertThat(stats.get("data")).hasSize(512);
        assertThat(stats.at("/pagination/hasNextPage").asBoolean()).isTrue();
    }

    private static JsonNode get(SimulatedSamsara samsara, String path, String query) {
        SimulatedResponse response = samsara.handle(SimulatedRequest.of("GET", path, query,
                Map.of("Authorization", List.of("Bearer " + SimulatedSamsara.GLOBAL_READ_TOKEN)), null));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
