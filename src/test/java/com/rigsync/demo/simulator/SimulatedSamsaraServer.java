package com.rigsync.demo.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.rigsync.testing.NoDelayServerSockets;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Runs a {@link SimulatedSamsara} alone on a free loopback port, for tests anywhere in the project:
 * <pre>{@code
 * try (var server = SimulatedSamsaraServer.start()) {
 *     String baseUrl = server.baseUrl();          // e.g. http://127.0.0.1:41234 (no trailing slash)
 *     server.samsara().failNextRequests(1);        // fault switches, clock, request counts
 * }
 * }</pre>
 * The base URL stands where {@code https://api.samsara.com} would.
 */
public final class SimulatedSamsaraServer implements AutoCloseable {

    /** The fixed start time of {@link #start()}: a Monday afternoon in Springfield. */
    public static final Instant DEFAULT_START = Instant.parse("2026-03-02T20:00:00Z");

    private final SimulatedSamsara samsara;
    private final MockWebServer server = new MockWebServer();

    private SimulatedSamsaraServer(SimulatedSamsara samsara) {
        this.samsara = samsara;
    }

    /** A simulator on a fixed clock at {@link #DEFAULT_START} with the default page size. */
    public static SimulatedSamsaraServer start() {
        return start(new SimulatedSamsara(Clock.fixed(DEFAULT_START, ZoneOffset.UTC)));
    }

    /** Serves the given simulator, e.g. one with a small page size or a manual rate limit ticker. */
    public static SimulatedSamsaraServer start(SimulatedSamsara samsara) {
        var running = new SimulatedSamsaraServer(samsara);
        running.server.setDispatcher(new SimulatorDispatcher(samsara));
        running.server.setServerSocketFactory(new NoDelayServerSockets());
        try {
            running.server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the simulated Samsara could not start", e);
        }
        return running;
    }

    public SimulatedSamsara samsara() {
        return samsara;
    }

    /** The base URL without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }

    private static final class SimulatorDispatcher extends Dispatcher {
        private final SimulatedSamsara samsara;

        SimulatorDispatcher(SimulatedSamsara samsara) {
            this.samsara = samsara;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : request.getHeaders().names()) {
                headers.put(name, new ArrayList<>(request.getHeaders().values(name)));
            }
            String path = "/" + String.join("/", request.getUrl().pathSegments());
            byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
            SimulatedResponse answer = samsara.handle(SimulatedRequest.of(request.getMethod(), path,
                    request.getUrl().encodedQuery(), headers, body));
            var response = new MockResponse.Builder().code(answer.status());
            answer.headers().forEach(response::setHeader);
            if (answer.contentType() != null) {
                response.setHeader("Content-Type", answer.contentType());
            }
            response.body(answer.body());
            if (answer.delay().isPositive()) {
                response.headersDelay(answer.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
            return response.build();
        }
    }
}
