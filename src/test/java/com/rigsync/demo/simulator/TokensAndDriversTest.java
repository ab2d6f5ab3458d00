package com.rigsync.demo.simulator;

import static com.rigsync.demo.simulator.SimulatedSamsara.DRIVER_TOKENS_TOKEN;
import static com.rigsync.demo.simulator.SimulatedSamsara.GLOBAL_READ_TOKEN;
import static com.rigsync.demo.simulator.SimulatedSamsara.NO_STATS_TOKEN;
import static com.rigsync.demo.simulator.SimulatedSamsara.REVOKED_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class TokensAndDriversTest {

    private static final List<String> READS = List.of("/me", "/fleet/vehicles", "/fleet/drivers",
            "/fleet/vehicles/stats?types=gps", "/fleet/vehicles/stats/feed?types=gps");
    private static final String AUTH_TOKEN_BODY = "{\"code\":\"a1b2c3d4e5f6g7\",\"username\":\"MAlvarez\"}";

    private final SimulatedSamsaraServer server = SimulatedSamsaraServer.start();
    private final SamsaraHttp http = new SamsaraHttp(server.baseUrl());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void globalReadReadsEverythingButCannotIssueDriverTokens() {
        READS.forEach(path -> assertThat(http.get(path, GLOBAL_READ_TOKEN).status()).as(path).isEqualTo(200));

        var answer = http.postJson("/fleet/drivers/auth-token", AUTH_TOKEN_BODY, GLOBAL_READ_TOKEN);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("message").asString()).contains("Write Driver Auth Token");
    }

    @Test
    void theNoStatsTokenIsRefusedStatsWithTheMissingScopeNamed() {
        for (String path : List.of("/fleet/vehicles/stats?types=gps", "/fleet/vehicles/stats/feed?types=gps")) {
            var answer = http.get(path, NO_STATS_TOKEN);
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.json().get("message").asString()).contains("Read Vehicle Statistics");
            assertThat(answer.json().get("requestId").asString()).isNotBlank();
        }
        assertThat(http.get("/fleet/vehicles", NO_STATS_TOKEN).status()).isEqualTo(200);
        assertThat(http.get("/me", NO_STATS_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void theRevokedTokenUnknownTokensAndMissingTokensAnswer401() {
        for (String path : READS) {
            assertThat(http.get(path, REVOKED_TOKEN).status()).as(path).isEqualTo(401);
        }
        assertThat(http.get("/me", "samsara_api_not_a_real_token").status()).isEqualTo(401);
        var missing = http.get("/me", null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("message").asString()).isNotBlank();
    }

    @Test
    void theDriverTokensTokenIssuesShortLivedDriverTokens() {
        var answer = http.postJson("/fleet/drivers/auth-token", AUTH_TOKEN_BODY, DRIVER_TOKENS_TOKEN);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode data = answer.json().get("data");
        assertThat(data.get("token").asString()).isNotBlank();
        assertThat(data.get("expirationTime").isIntegralNumber()).isTrue();
        assertThat(data.get("expirationTime").asLong())
                .isEqualTo(SimulatedSamsaraServer.DEFAULT_START.plus(Drivers.AUTH_TOKEN_LIFETIME)
                        .toEpochMilli());
        READS.forEach(path -> assertThat(http.get(path, DRIVER_TOKENS_TOKEN).status()).as(path).isEqualTo(200));
    }

    @Test
    void driverTokenRequestsAreChecked() {
        SimulatedDriver maria = SimulatedFleet.demo().drivers().getFirst();
        assertThat(post("{\"code\":\"short\",\"username\":\"MAlvarez\"}")).isEqualTo(400);
        assertThat(post("{\"username\":\"MAlvarez\"}")).isEqualTo(400);
        assertThat(post("{\"code\":\"a1b2c3d4e5f6g7\"}")).isEqualTo(400);
        assertThat(post("{\"code\":\"a1b2c3d4e5f6g7\",\"username\":\"MAlvarez\",\"driverId\":" + maria.id() + "}"))
                .isEqualTo(400);
        assertThat(post("not json")).isEqualTo(400);
        assertThat(post("{\"code\":\"a1b2c3d4e5f6g7\",\"username\":\"Nobody\"}")).isEqualTo(404);
        assertThat(post("{\"code\":\"a1b2c3d4e5f6g7\",\"driverId\":" + maria.id() + "}")).isEqualTo(200);
        assertThat(post("{\"code\":\"a1b2c3d4e5f6g7\",\"externalId\":\"payrollId:"
                + maria.externalIds().get("payrollId") + "\"}")).isEqualTo(200);
        assertThat(post("{\"code\":\"a1b2c3d4e5f6g7\",\"username\":\"HBecker\"}")).as("deactivated")
                .isEqualTo(400);
    }

    @Test
    void driversListActiveByDefaultAndDeactivatedOnRequest() {
        JsonNode active = http.get("/fleet/drivers", GLOBAL_READ_TOKEN).json();
        JsonNode deactivated = http.get("/fleet/drivers?driverActivationStatus=deactivated", GLOBAL_READ_TOKEN)
                .json();

        assertThat(active.get("data")).hasSize(7);
        assertThat(deactivated.get("data")).hasSize(2);
        JsonNode maria = active.get("data").get(0);
        assertThat(maria.get("name").asString()).isEqualTo("Maria Alvarez");
        assertThat(maria.get("username").asString()).isEqualTo("MAlvarez");
        assertThat(maria.get("driverActivationStatus").asString()).isEqualTo("active");
        assertThat(maria.at("/staticAssignedVehicle/name").asString()).isEqualTo("Engine 1");
        assertThat(maria.at("/externalIds/payrollId").asString()).startsWith("SFR");
        assertThat(http.get("/fleet/drivers?tagIds=" + SimulatedFleet.STATION_1.id(), GLOBAL_READ_TOKEN).json()
                .get("data")).hasSize(2);
        assertThat(http.get("/fleet/drivers?driverActivationStatus=all", GLOBAL_READ_TOKEN).status())
                .isEqualTo(400);
    }

    @Test
    void driversPage() {
        JsonNode first = http.get("/fleet/drivers?limit=4", GLOBAL_READ_TOKEN).json();
        JsonNode second = http.get("/fleet/drivers?limit=4&after=" + first.at("/pagination/endCursor").asString(),
                GLOBAL_READ_TOKEN).json();

        assertThat(first.get("data")).hasSize(4);
        assertThat(first.at("/pagination/hasNextPage").asBoolean()).isTrue();
        assertThat(second.get("data")).hasSize(3);
        assertThat(second.at("/pagination/hasNextPage").asBoolean()).isFalse();
    }

    private int post(String body) {
        return http.postJson("/fleet/drivers/auth-token", body, DRIVER_TOKENS_TOKEN).status();
    }
}
