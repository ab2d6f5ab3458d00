package com.rigsync.samsara;

import com.rigsync.testing.NoDelayServerSockets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A loopback MockWebServer standing in for Samsara under a path prefix, and a client on fake time. */
abstract class SamsaraTestBase {

    static final String TOKEN = "samsara_api_TOPSECRETtoken4711";
    static final String PREFIX = "/simulated-samsara";

    MockWebServer server;
    FakeTime time;
    SamsaraClient client;
    SamsaraSession session;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        time = new FakeTime();
        client = clientBuilder().build();
        session = client.session(TokenSource.of(TOKEN));
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close();
    }

    SamsaraClient.Builder clientBuilder() {
        return SamsaraClient.builder()
                .baseUrl(server.url(PREFIX))
                .clock(time)
                .sleeper(time)
                .random(new SplittableRandom(42))
                .throttle(false)
                .maxRetries(3);
    }

    static MockResponse json(String body) {
        return json(200, body);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse error(int code, String message, String requestId) {
        return json(code, "{\"message\":\"" + message + "\",\"requestId\":\"" + requestId + "\"}");
    }

    static String page(String items, String endCursor, boolean hasNextPage) {
        return "{\"data\":[" + items + "],\"pagination\":{\"endCursor\":\"" + endCursor + "\",\"hasNextPage\":"
                + hasNextPage + "}}";
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the client sent no request");
        }
        return r;
    }

    List<RecordedRequest> takeAll() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
            all.add(r);
        }
        return all;
    }
}
