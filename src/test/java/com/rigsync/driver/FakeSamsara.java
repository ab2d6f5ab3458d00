package com.rigsync.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A Samsara at the HTTP edge whose answers a test sets: an organisation with the driver Susan Jones (id 123, active)
 * and Old Timer (id 456, deactivated), auth tokens expiring when the test says, and chosen failures. It records the
 * bodies of the auth-token requests, so tests see exactly what RigSync sent.
 */
final class FakeSamsara extends Dispatcher implements AutoCloseable {

    static final String SUSAN = "123";
    static final String OLD_TIMER = "456";

    private final MockWebServer server = new MockWebServer();
    final List<String> authTokenBodies = new CopyOnWriteArrayList<>();
    final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    volatile int driversStatus = 200;
    volatile int authTokenStatus = 200;
    volatile Duration tokenLifetime = Duration.ofMinutes(15);
    volatile int driverListRequests;

    FakeSamsara() {
        server.setDispatcher(this);
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if ("POST".equals(method) && path.equals("/fleet/drivers/auth-token")) {
            authTokenBodies.add(request.getBody() == null ? "" : request.getBody().utf8());
            if (authTokenStatus != 200) {
                return error(authTokenStatus);
            }
            String token = "fake-login-token-" + UUID.randomUUID();
            issuedTokens.add(token);
            long expires = Instant.now().plus(tokenLifetime).toEpochMilli();
            return json("{\"data\":{\"token\":\"" + token + "\",\"expirationTime\":" + expires + "}}");
        }
        if (path.equals("/me")) {
            return json("{\"data\":{\"id\":\"777\",\"name\":\"Fake Fire Rescue\"}}");
        }
        if (path.equals("/fleet/drivers")) {
            driverListRequests++;
            if (driversStatus != 200) {
                return error(driversStatus);
            }
            boolean deactivated = "deactivated".equals(request.getUrl().queryParameter("driverActivationStatus"));
            String driver = deactivated
                    ? "{\"id\":\"" + OLD_TIMER + "\",\"name\":\"Old Timer\",\"username\":\"OldTimer\","
                            + "\"driverActivationStatus\":\"deactivated\",\"externalIds\":{},\"tags\":[]}"
                    : "{\"id\":\"" + SUSAN + "\",\"name\":\"Susan Jones\",\"username\":\"SusanJones\","
                            + "\"driverActivationStatus\":\"active\",\"externalIds\":{\"payrollId\":\"ABFS18600\"},"
                            + "\"tags\":[{\"id\":\"3914\",\"name\":\"Station 1\"}],"
                            + "\"staticAssignedVehicle\":{\"id\":\"494123\",\"name\":\"Engine 1\"}}";
            return json("{\"data\":[" + driver + "],\"pagination\":{\"endCursor\":\"\",\"hasNextPage\":false}}");
        }
        return json("{\"data\":[],\"pagination\":{\"endCursor\":\"\",\"hasNextPage\":false}}");
    }

    void reset() {
        authTokenBodies.clear();
        issuedTokens.clear();
        driversStatus = 200;
        authTokenStatus = 200;
        tokenLifetime = Duration.ofMinutes(15);
        driverListRequests = 0;
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse error(int status) {
        MockResponse.Builder answer = new MockResponse.Builder().code(status)
                .setHeader("Content-Type", "application/json");
        if (status == 429) {
            answer.setHeader("Retry-After", "37.5");
        }
        return answer.body("{\"message\":\"fake failure " + status + "\",\"requestId\":\"fake-" + status + "\"}")
                .build();
    }

    @Override
    public void close() {
        server.close();
    }
}
