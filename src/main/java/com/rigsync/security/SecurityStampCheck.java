package com.rigsync.security;

import java.io.IOException;
import java.util.OptionalLong;

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
 * At every request of a signed-in person, on every instance, compares the security stamp their session signed in
 * with against the database (one primary-key read). Disabled, a changed role or a reset password raised the stamp:
 * the session ends there and then, and the request goes on signed out, so an open view answers with sign-in. Vaadin
 * sends every click as a request (push only answers; see AppShell), so no click slips past.
 */
class SecurityStampCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SecurityStampCheck.class);

    private final SecurityStamps stamps;

    SecurityStampCheck(SecurityStamps stamps) {
        this.stamps = stamps;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            OptionalLong now = stamps.currentStamp(user.userId());
            if (now.isEmpty() || now.getAsLong() != user.securityStamp()) {
                log.info("Session of '{}' ended: the account was disabled or changed since signing in",
                        user.getUsername());
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
