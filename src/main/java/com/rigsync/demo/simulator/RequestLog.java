package com.rigsync.demo.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.rigsync.demo.simulator.SimulatedSamsara.LoggedRequest;

/**
 * The requests answered so far: counted in all and by path, and the latest 10,000 kept without their headers, so
 * never with a token. Not thread-safe: {@link SimulatedSamsara} calls it under its lock.
 */
final class RequestLog {

    static final String VERSION_HEADER = "X-Samsara-Version";

    private static final int CAPACITY = 10_000;

    private final Map<String, Integer> countsByPath = new HashMap<>();
    private final Deque<LoggedRequest> latest = new ArrayDeque<>();
    private int total;
    private int withoutVersion;

    void record(SimulatedRequest request, String path, int status, String requestId, Instant time) {
        total++;
        countsByPath.merge(path, 1, Integer::sum);
        String version = request.header(VERSION_HEADER);
        // the OAuth token endpoints are not versioned; every API call should ask for one version
        if (!path.startsWith("/oauth2/") && (version == null || version.isBlank())) {
            withoutVersion++;
        }
        if (latest.size() == CAPACITY) {
            latest.removeFirst();
        }
        String query = request.query().entrySet().stream()
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .collect(Collectors.joining("&"));
        latest.addLast(new LoggedRequest(time, request.method(), path, query, status, requestId));
    }

    int count() {
        return total;
    }

    /** API requests that came without {@code X-Samsara-Version}: Samsara answers them in the token's own version. */
    int countWithoutVersion() {
        return withoutVersion;
    }

    /** @param path a normalized path */
    int count(String path) {
        return countsByPath.getOrDefault(path, 0);
    }

    /** Oldest first. */
    List<LoggedRequest> latest() {
        return List.copyOf(latest);
    }

    void clear() {
        latest.clear();
        countsByPath.clear();
        total = 0;
        withoutVersion = 0;
    }
}
