package com.rigsync.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.rigsync.SpringAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The security headers every answer carries, and the absolute lifetime of a signed-in session. */
@SpringAppTest
class SessionsAndHeadersTest {

    @LocalServerPort
    private int port;
    @Value("${rigsync.session.max-lifetime}")
    private Duration maxLifetime;
    @Value("${vaadin.closeIdleSessions}")
    private boolean closeIdleSessions;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersVaadinsOwnPagesToo() throws Exception {
        HttpResponse<Void> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "connect-src 'self'"));
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("Permissions-Policy")).hasValueSatisfying(p -> assertThat(p)
                .contains("camera=()", "microphone=()", "geolocation=()"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aSessionEndsAfterItsLifetimeHoweverBusyAndIdleOnesCloseDespiteTheHeartbeat() throws Exception {
        assertThat(maxLifetime).isEqualTo(Duration.ofHours(12));
        assertThat(closeIdleSessions).isTrue();
        Instant now = Instant.parse("2026-06-01T20:00:00Z");
        SessionLifetime lifetime = new SessionLifetime(Clock.fixed(now, ZoneOffset.UTC), maxLifetime);

        MockHttpSession session = new MockHttpSession();
        signedIn();
        lifetime.doFilter(request(session), new MockHttpServletResponse(), new MockFilterChain());
        assertThat(session.getAttribute(SessionLifetime.SIGNED_IN_AT)).isEqualTo(now);

        session.setAttribute(SessionLifetime.SIGNED_IN_AT, now.minus(Duration.ofHours(11)));
        lifetime.doFilter(request(session), new MockHttpServletResponse(), new MockFilterChain());
        assertThat(session.isInvalid()).isFalse();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();

        session.setAttribute(SessionLifetime.SIGNED_IN_AT, now.minus(Duration.ofHours(12)));
        lifetime.doFilter(request(session), new MockHttpServletResponse(), new MockFilterChain());
        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    private static MockHttpServletRequest request(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setSession(session);
        return request;
    }

    private static void signedIn() {
        SignedInUser user = new SignedInUser(1, "lifetime", "Liz Lifetime", Role.MEMBER, 1L, true, null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
