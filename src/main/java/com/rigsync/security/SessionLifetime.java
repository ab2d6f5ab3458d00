package com.rigsync.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An absolute lifetime for a signed-in session (rigsync.session.max-lifetime, 12 hours unless configured): however
 * busy the person, after it they sign in again. Idle sessions are closed by the servlet session timeout, which
 * Vaadin's heartbeat no longer keeps alive (vaadin.closeIdleSessions).
 */
class SessionLifetime extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = SessionLifetime.class.getName() + ".signedInAt";

    private static final Logger log = LoggerFactory.getLogger(SessionLifetime.class);

    private final Clock clock;
    private final Duration maxLifetime;

    SessionLifetime(Clock clock, Duration maxLifetime) {
        this.clock = clock;
        this.maxLifetime = maxLifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            Instant now = clock.instant();
            if (!(session.getAttribute(SIGNED_IN_AT) instanceof Instant since)) {
                session.setAttribute(SIGNED_IN_AT, now);
            } else if (!now.isBefore(since.plus(maxLifetime))) {
                log.info("Session of '{}' ended after its {} lifetime", user.getUsername(), maxLifetime);
                session.invalidate();
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
