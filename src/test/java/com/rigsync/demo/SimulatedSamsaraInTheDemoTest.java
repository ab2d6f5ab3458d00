package com.rigsync.demo;

import com.rigsync.SpringAppTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.samsara.DriverQuery;
import com.rigsync.samsara.Organization;
import com.rigsync.samsara.SamsaraClient;
import com.rigsync.samsara.SamsaraSession;
import com.rigsync.samsara.StatType;
import com.rigsync.samsara.StatsQuery;
import com.rigsync.samsara.TokenSource;
import com.rigsync.samsara.Vehicle;
import com.rigsync.samsara.VehicleQuery;
import com.rigsync.samsara.VehicleStats;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo app serves the simulated Samsara at /simulated-samsara on its own port, behind its own stateless security
 * chain, while the rest of the app keeps CSRF protection and the login. Same context as LoginBrowserTest.
 */
@SpringAppTest
class SimulatedSamsaraInTheDemoTest {

    private static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false).build();

    @LocalServerPort
    private int port;

    @Autowired
    private SimulatedSamsara samsara;

    @AfterEach
    void resetSimulator() {
        samsara.reset();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theRealClientReadsTheOrganisationVehiclesStatsAndDriversFromTheRunningApp() {
        try (SamsaraClient client = SamsaraClient.builder().baseUrl(url("/simulated-samsara")).build()) {
            SamsaraSession session = client.session(TokenSource.of(SimulatedSamsara.GLOBAL_READ_TOKEN));

            Organization me = session.me();
            List<Vehicle> vehicles = session.vehicles(VehicleQuery.all()).toList();
            Map<String, VehicleStats> stats = session.stats(
                    EnumSet.of(StatType.OBD_ODOMETER_METERS, StatType.OBD_ENGINE_SECONDS, StatType.GPS),
                    StatsQuery.allVehicles());

            assertThat(me).isEqualTo(new Organization(SimulatedFleet.ORGANIZATION_ID, SimulatedFleet.ORGANIZATION_NAME));
            assertThat(vehicles).hasSize(samsara.vehicles().size()).hasSizeGreaterThanOrEqualTo(35)
                    .extracting(Vehicle::name).contains("Engine 1");
            assertThat(stats.values()).anySatisfy(s -> {
                assertThat(s.odometerMeters()).isPresent();
                assertThat(s.gps()).isNotNull();
            });
            assertThat(session.drivers(DriverQuery.active()).toList()).isNotEmpty();
            assertThat(session.requestCount()).isEqualTo(4);
        }
        assertThat(samsara.requestCount("/me")).as("the app's own simulator bean answered").isEqualTo(1);
    }

    @Test
    void theTokenEndpointIsAnsweredByTheSimulatorWithoutCsrfLoginOrSession() throws IOException {
        try (Response r = HTTP.newCall(new Request.Builder().url(url("/simulated-samsara/oauth2/token"))
                .post(new FormBody.Builder().add("grant_type", "authorization_code").add("code", "x").build())
                .build()).execute()) {
            assertThat(r.code()).isEqualTo(401);
            assertThat(r.body().string()).contains("\"error\":\"invalid_client\"");
            assertThat(r.headers("Set-Cookie")).as("stateless: no session").isEmpty();
        }
        // the simulated consent page posts its form under the prefix too, without a CSRF token
        try (Response r = HTTP.newCall(new Request.Builder().url(url("/simulated-samsara/oauth2/authorize"))
                .post(new FormBody.Builder().add("authorization", "unknown").add("decision", "allow").build())
                .build()).execute()) {
            assertThat(r.code()).isEqualTo(400);
            assertThat(r.body().string()).contains("Simulated Samsara", "Request expired");
        }
        try (Response r = HTTP.newCall(new Request.Builder().url(url("/simulated-samsara/me"))
                .header("Authorization", "Bearer " + SimulatedSamsara.GLOBAL_READ_TOKEN).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).contains(SimulatedFleet.ORGANIZATION_NAME);
            assertThat(r.headers("Set-Cookie")).isEmpty();
        }
        try (Response r = HTTP.newCall(new Request.Builder().url(url("/simulated-samsara/me")).build()).execute()) {
            assertThat(r.code()).as("the simulator checks bearer tokens itself").isEqualTo(401);
            assertThat(r.body().string()).contains("\"requestId\"");
        }
        // the servlet mapping /simulated-samsara/* also takes the bare prefix, so no app page can live there
        try (Response r = HTTP.newCall(new Request.Builder().url(url("/simulated-samsara")).build()).execute()) {
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.body().string()).contains("\"requestId\"");
        }
    }

    @Test
    void theRestOfTheAppStillNeedsASignInAndCsrfTokens() throws IOException {
        try (Response r = HTTP.newCall(new Request.Builder().url(url("/departments"))
                .post(new FormBody.Builder().add("name", "x").build()).build()).execute()) {
            assertThat(r.code()).as("an anonymous POST is not processed but sent to the login").isEqualTo(302);
            assertThat(r.header("Location")).contains("/login");
        }
        try (Response r = HTTP.newCall(new Request.Builder().url(url("/departments")).build()).execute()) {
            assertThat(r.code()).isEqualTo(302);
            assertThat(r.header("Location")).contains("/login");
        }
        try (Response r = HTTP.newCall(new Request.Builder().url(url("/demo/simulated-samsara")).build()).execute()) {
            assertThat(r.code()).as("the fault switches page is an app page: sign in first").isEqualTo(302);
            assertThat(r.header("Location")).contains("/login");
        }

        String session = signedInSessionCookie();
        try (Response r = HTTP.newCall(new Request.Builder().url(url("/departments")).header("Cookie", session)
                .build()).execute()) {
            assertThat(r.code()).as("the session is signed in").isEqualTo(200);
        }
        try (Response r = HTTP.newCall(new Request.Builder().url(url("/departments")).header("Cookie", session)
                .post(new FormBody.Builder().add("name", "x").build()).build()).execute()) {
            assertThat(r.code()).as("a signed-in POST without the CSRF token is refused").isEqualTo(403);
        }
    }

    /** Signs the demo administrator in through the login form; Vaadin's LoginForm posts it without a CSRF token. */
    private String signedInSessionCookie() throws IOException {
        try (Response r = HTTP.newCall(new Request.Builder().url(url("/login"))
                .post(new FormBody.Builder().add("username", "admin").add("password", "rigsync-demo").build())
                .build()).execute()) {
            assertThat(r.code()).isEqualTo(302);
            assertThat(r.header("Location")).doesNotContain("error");
            String cookie = r.header("Set-Cookie");
            assertThat(cookie).startsWith("JSESSIONID=");
            return cookie.substring(0, cookie.indexOf(';'));
        }
    }
}
