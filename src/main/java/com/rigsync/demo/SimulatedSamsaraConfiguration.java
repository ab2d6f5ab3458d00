package com.rigsync.demo;

import java.nio.file.Path;
import java.time.Clock;

import com.rigsync.base.PublicBaseUrl;
import com.rigsync.base.ui.MainLayout;
import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedSamsaraServlet;
import com.rigsync.demo.ui.DemoMailboxView;
import com.rigsync.demo.ui.SimulatedSamsaraView;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The demo's simulated Samsara organisation, served by the app itself below {@value #PREFIX} (the same paths as
 * api.samsara.com below that prefix), and its fault switches page. Only in the demo profile: outside it neither the
 * servlet, nor its security chain, nor the page's route exist.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class SimulatedSamsaraConfiguration {

    static final String PREFIX = "/simulated-samsara";
    /** Samsara's largest page; the client asks for 512 too. */
    static final int PAGE_SIZE = 512;

    private static final Logger log = LoggerFactory.getLogger(SimulatedSamsaraConfiguration.class);

    @Bean
    SimulatedSamsara simulatedSamsara(Clock clock, PublicBaseUrl publicBaseUrl,
                                      @Value("${rigsync.demo.simulator-clock-file:}") String clockFile) {
        // the registered redirect URI follows the public base URL, read at each use: unset, it names the port the
        // web server really listens on, known only once it runs
        var samsara = new SimulatedSamsara(clock, PAGE_SIZE, () -> publicBaseUrl.get() + "/samsara/oauth/callback",
                SimulatedFleet.demo(), System::nanoTime);
        if (!clockFile.isBlank()) {
            new SimulatorClockFile(Path.of(clockFile)).keep(samsara);
        }
        log.info("simulated Samsara: serving the demo organisation at <public base URL>{}", PREFIX);
        return samsara;
    }

    /** A servlet mapping more specific than Vaadin's {@code /*}, so the container hands these paths to it. */
    @Bean
    ServletRegistrationBean<SimulatedSamsaraServlet> simulatedSamsaraServlet(SimulatedSamsara samsara) {
        var registration = new ServletRegistrationBean<>(new SimulatedSamsaraServlet(samsara), PREFIX + "/*");
        registration.setName("simulatedSamsara");
        return registration;
    }

    /**
     * The simulator's own stateless chain, before the app's Vaadin chain: it checks bearer tokens and OAuth client
     * credentials itself, and server-to-server POSTs such as {@code /oauth2/token} carry no CSRF token. No session,
     * no saved request, no login page; CSRF is off for these paths only.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain simulatedSamsaraSecurityFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(PREFIX + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * Registers the fault switches page at start-up. The view carries no {@code @Route}, so outside the demo profile
     * Vaadin never learns of it; it keeps its {@code @PermitAll}, which Vaadin's access control checks as for any view.
     */
    @Bean
    VaadinServiceInitListener simulatedSamsaraRoute() {
        return event -> {
            var routes = RouteConfiguration.forRegistry(
                    ApplicationRouteRegistry.getInstance(event.getSource().getContext()));
            if (!routes.isRouteRegistered(SimulatedSamsaraView.class)) {
                routes.setRoute(SimulatedSamsaraView.ROUTE, SimulatedSamsaraView.class, MainLayout.class);
            }
            if (!routes.isRouteRegistered(DemoMailboxView.class)) {
                routes.setRoute(DemoMailboxView.ROUTE, DemoMailboxView.class, MainLayout.class);
            }
        };
    }
}
