package com.rigsync.demo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatedSamsaraExtension.class)
class SimulatedSamsaraExtensionTest {

    @Test
    void injectsARunningSimulator(SimulatedSamsaraServer server) {
        var http = new SamsaraHttp(server.baseUrl());

        assertThat(server.baseUrl()).startsWith("http://").doesNotEndWith("/");
        assertThat(http.get("/me", SimulatedSamsara.GLOBAL_READ_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void answersConcurrentRequestsConsistently(SimulatedSamsaraServer server) throws Exception {
        server.samsara().setRateLimitsEnabled(false);
        var http = new SamsaraHttp(server.baseUrl());
        String expected = http.get("/fleet/vehicles/stats?types=gps,engineStates", SimulatedSamsara.GLOBAL_READ_TOKEN)
                .body();
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 40; i++) {
                answers.add(pool.submit(() -> http.get("/fleet/vehicles/stats?types=gps,engineStates",
                        SimulatedSamsara.GLOBAL_READ_TOKEN).body()));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo(expected);
            }
        }
        assertThat(server.samsara().requestCount("/fleet/vehicles/stats")).isEqualTo(41);
    }
}
