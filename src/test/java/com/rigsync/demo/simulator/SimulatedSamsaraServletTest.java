package com.rigsync.demo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The servlet adapter, called with Spring's mock request and response (no container needed). */
class SimulatedSamsaraServletTest {

    private final SimulatedSamsara samsara = new SimulatedSamsara(
            Clock.fixed(SimulatedSamsaraServer.DEFAULT_START, ZoneOffset.UTC));
    private final SimulatedSamsaraServlet servlet = new SimulatedSamsaraServlet(samsara);

    @Test
    void servesTheApiBelowTheServletMapping() throws Exception {
        var request = new MockHttpServletRequest("GET", "/simulated-samsara/fleet/vehicles");
        request.setServletPath("/simulated-samsara");
        request.setPathInfo("/fleet/vehicles");
        request.setQueryString("limit=2&tagIds=" + SimulatedFleet.STATION_1.id());
        request.addHeader("Authorization", "Bearer " + SimulatedSamsara.GLOBAL_READ_TOKEN);
        var response = new MockHttpServletResponse();

        servlet.service(request, response);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).contains("\"Engine 1\"", "\"hasNextPage\":true");
        assertThat(samsara.requestCount("/fleet/vehicles")).isEqualTo(1);
    }

    @Test
    void passesHeadersOfErrorsAndRedirects() throws Exception {
        samsara.failNextRequests(1);
        var failing = new MockHttpServletRequest("GET", "/simulated-samsara/me");
        failing.setPathInfo("/me");
        var failed = new MockHttpServletResponse();
        servlet.service(failing, failed);
        assertThat(failed.getStatus()).isEqualTo(503);
        assertThat(failed.getContentAsString()).contains("requestId");

        var page = new MockHttpServletRequest("GET", "/simulated-samsara/oauth2/authorize");
        page.setPathInfo("/oauth2/authorize");
        page.setQueryString("client_id=" + SimulatedSamsara.OAUTH_CLIENT_ID + "&response_type=code&state=1234");
        var redirected = new MockHttpServletResponse();
        servlet.service(page, redirected);
        assertThat(redirected.getStatus()).isEqualTo(302);
        assertThat(redirected.getHeader("Location")).startsWith(SimulatedSamsara.DEFAULT_REDIRECT_URI + "?")
                .contains("error=invalid_request");
    }

    @Test
    void readsFormBodiesEvenWhenAFilterAlreadyParsedThem() throws Exception {
        var request = new MockHttpServletRequest("POST", "/simulated-samsara/oauth2/token");
        request.setPathInfo("/oauth2/token");
        request.setContentType("application/x-www-form-urlencoded");
        // as if a filter had read the parameters: the parameters are there, the body stream is empty
        request.addParameter("grant_type", "refresh_token");
        request.addParameter("refresh_token", "sim-oauth-rt-unknown");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (SimulatedSamsara.OAUTH_CLIENT_ID + ":" + SimulatedSamsara.OAUTH_CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8)));
        var response = new MockHttpServletResponse();

        servlet.service(request, response);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("invalid_grant").doesNotContain("invalid_request");
    }
}
