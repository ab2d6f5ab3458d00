package com.rigsync.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer standing in for Samsara's token endpoints and {@code GET /me}, counting what it is asked: each
 * refresh issues {@code at-N}/{@code rt-N}; {@code /me} accepts only the latest access token (or any, when told).
 * The token endpoint can be held until a test releases it, and can answer {@code invalid_grant}; revoke can fail.
 */
final class FakeOAuthSamsara implements AutoCloseable {

    static final String ORG_ID = "7700";

    final MockWebServer server = new MockWebServer();
    final AtomicInteger tokenRequests = new AtomicInteger();
    final AtomicInteger revokeRequests = new AtomicInteger();
    final AtomicInteger meRequests = new AtomicInteger();
    final List<Map<String, String>> tokenForms = new CopyOnWriteArrayList<>();
    final List<String> revoked = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    volatile String validAccessToken = "fake-at-0";
    volatile boolean invalidGrant;
    volatile boolean revokeFails;
    /** When set, the token endpoint answers only once it is counted down. */
    volatile CountDownLatch holdTokenAnswer;
    final String orgName;

    FakeOAuthSamsara(String orgName) {
        this.orgName = orgName;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer(request);
            }
        });
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

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        String path = request.getUrl().encodedPath();
        String authorization = request.getHeaders().get("Authorization");
        switch (path) {
            case "/oauth2/token" -> {
                tokenRequests.incrementAndGet();
                authorizations.add(authorization);
                tokenForms.add(form(request));
                CountDownLatch hold = holdTokenAnswer;
                if (hold != null && !hold.await(60, TimeUnit.SECONDS)) {
                    return json(500, "{\"message\":\"the test never released the token answer\"}");
                }
                if (invalidGrant) {
                    return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token is "
                            + "unknown or was revoked.\"}");
                }
                int n = issued.incrementAndGet();
                validAccessToken = "fake-at-" + n;
                return json(200, "{\"access_token\":\"fake-at-" + n + "\",\"refresh_token\":\"fake-rt-" + n
                        + "\",\"expires_in\":3599,\"scope\":\"admin:read\",\"token_type\":\"bearer\"}");
            }
            case "/oauth2/revoke" -> {
                revokeRequests.incrementAndGet();
                authorizations.add(authorization);
                revoked.add(form(request).get("token"));
                return revokeFails ? json(503, "{\"message\":\"unavailable\"}") : json(200, "{}");
            }
            case "/me" -> {
                meRequests.incrementAndGet();
                if (!("Bearer " + validAccessToken).equals(authorization)) {
                    return json(401, "{\"message\":\"Unauthorized\"}");
                }
                return json(200, "{\"data\":{\"id\":\"" + ORG_ID + "\",\"name\":\"" + orgName + "\"}}");
            }
            default -> {
                return json(404, "{\"message\":\"not here\"}");
            }
        }
    }

    private static Map<String, String> form(RecordedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        CountDownLatch hold = holdTokenAnswer;
        if (hold != null) {
            hold.countDown();
        }
        server.close();
    }
}
