package com.rigsync.operations;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * The actuator endpoints' own security, apart from the app's sign-in: the health status and the liveness and
 * readiness probes are open (status only, for load balancers); everything else (health details, metrics) needs the
 * management account from the environment over HTTP Basic, stateless. No management account configured: only the
 * open part answers. People's accounts never open it, and the management account never opens a screen.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

    private static final Logger log = LoggerFactory.getLogger(ManagementSecurity.class);
    /** The role health details and metrics need (management.endpoint.health.roles). */
    static final String OPERATOR = "OPERATOR";
    static final int MIN_PASSWORD_LENGTH = 12;

    /** Ahead of the Vaadin chain, which would otherwise send /actuator requests to the sign-in page. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    SecurityFilterChain managementFilterChain(HttpSecurity http, PasswordEncoder passwords,
                                              @Value("${rigsync.management.username:}") String username,
                                              @Value("${rigsync.management.password:}") String password)
            throws Exception {
        InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager();
        if (StringUtils.hasText(username) && StringUtils.hasText(password)) {
            if (password.length() < MIN_PASSWORD_LENGTH) {
                throw new IllegalStateException("RIGSYNC_MANAGEMENT_PASSWORD must have at least "
                        + MIN_PASSWORD_LENGTH + " characters.");
            }
            accounts.createUser(User.withUsername(username).password(passwords.encode(password)).roles(OPERATOR)
                    .build());
        } else {
            log.info("No management account (RIGSYNC_MANAGEMENT_USERNAME, RIGSYNC_MANAGEMENT_PASSWORD): health "
                    + "details and metrics stay closed; the health status and probes answer");
        }
        DaoAuthenticationProvider check = new DaoAuthenticationProvider(accounts);
        check.setPasswordEncoder(passwords);
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().hasRole(OPERATOR))
                .authenticationManager(new ProviderManager(check))
                .httpBasic(basic -> basic.authenticationEntryPoint(ManagementSecurity::askForCredentials))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(ManagementSecurity::askForCredentials)
                        .accessDeniedHandler((request, response, denied) -> response.setStatus(403)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // no browser session and no form here: scrapers and curl send Basic credentials on every request
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * A plain 401 with the Basic challenge. Not sendError: that would dispatch to the error page, which the Vaadin
     * chain guards with a redirect to the sign-in page, and a scraper would get a 302.
     */
    private static void askForCredentials(HttpServletRequest request, HttpServletResponse response,
                                          AuthenticationException failure) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"RigSync management\"");
        response.setStatus(401);
    }
}
