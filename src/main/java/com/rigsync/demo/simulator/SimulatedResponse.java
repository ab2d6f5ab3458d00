package com.rigsync.demo.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulated Samsara's answer. A transport waits {@code delay} before sending it (the "slow responses" switch).
 */
public record SimulatedResponse(int status, Map<String, String> headers, String contentType, String body,
        Duration delay) {

    public SimulatedResponse {
        headers = Map.copyOf(headers);
        delay = delay == null ? Duration.ZERO : delay;
        body = body == null ? "" : body;
    }

    static SimulatedResponse json(int status, String body) {
        return new SimulatedResponse(status, Map.of(), "application/json; charset=utf-8", body, Duration.ZERO);
    }

    static SimulatedResponse html(int status, String body) {
        return new SimulatedResponse(status, Map.of(), "text/html; charset=utf-8", body, Duration.ZERO);
    }

    static SimulatedResponse redirect(String location) {
        return new SimulatedResponse(302, Map.of("Location", location), "text/plain; charset=utf-8", "", Duration.ZERO);
    }

    SimulatedResponse withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimulatedResponse(status, copy, contentType, body, delay);
    }

    SimulatedResponse withBody(String newBody) {
        return new SimulatedResponse(status, headers, contentType, newBody, delay);
    }

    SimulatedResponse withDelay(Duration newDelay) {
        return new SimulatedResponse(status, headers, contentType, body, newDelay);
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
