package com.rigsync.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.rigsync.demo.simulator.SimulatedSamsaraServer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The Samsara fakes of the integration tests, one of each per test JVM, registered as extra regions in the running
 * (shared) application through {@link SamsaraRegions#register}: no property changes, so no new Spring context.
 * <ul>
 *   <li>{@value #SIMULATED}: the simulated Springfield organisation on a loopback port;</li>
 *   <li>{@value #OTHER_ORGANISATION}: a MockWebServer that answers every token as another organisation;</li>
 *   <li>{@value #DOWN}: a loopback port nobody listens on.</li>
 * </ul>
 * Tests reset the simulator's faults before use.
 */
final class TestSamsara {

    static final String SIMULATED = "test-simulated";
    static final String OTHER_ORGANISATION = "test-other-organisation";
    static final String DOWN = "test-down";
    static final String OTHER_ORGANISATION_ID = "99999";
    static final String OTHER_ORGANISATION_NAME = "Springfield Public Works";

    private static SimulatedSamsaraServer simulator;
    private static MockWebServer otherOrganisation;
    private static String closedPortUrl;

    private TestSamsara() {
    }

    /** Starts the fakes once per JVM and (re-)registers their regions; returns the simulator with no faults. */
    static synchronized SimulatedSamsaraServer setUp(SamsaraRegions regions) {
        if (simulator == null) {
            simulator = SimulatedSamsaraServer.start();
            otherOrganisation = new MockWebServer();
            otherOrganisation.setDispatcher(new OtherOrganisation());
            try {
                otherOrganisation.start(InetAddress.getLoopbackAddress(), 0);
                try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    closedPortUrl = "http://127.0.0.1:" + socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        regions.register(SIMULATED, "Simulated Samsara (test)", simulator.baseUrl());
        String other = otherOrganisation.url("/").toString();
        regions.register(OTHER_ORGANISATION, "Another organisation (test)", other.substring(0, other.length() - 1));
        regions.register(DOWN, "Unreachable Samsara (test)", closedPortUrl);
        simulator.samsara().resetFaults();
        return simulator;
    }

    /** Answers like Samsara for an organisation with no vehicles and no drivers, whatever the token. */
    private static final class OtherOrganisation extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            String body = path.equals("/me")
                    ? "{\"data\":{\"id\":\"" + OTHER_ORGANISATION_ID + "\",\"name\":\"" + OTHER_ORGANISATION_NAME + "\"}}"
                    : "{\"data\":[],\"pagination\":{\"endCursor\":\"\",\"hasNextPage\":false}}";
            return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body)
                    .build();
        }
    }
}
