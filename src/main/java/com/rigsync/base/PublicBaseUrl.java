package com.rigsync.base;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address people use to reach RigSync ({@code RIGSYNC_PUBLIC_BASE_URL}), without a trailing slash. Unset, it is
 * {@code http://localhost:<the port the web server really listens on>}, read at each use: in the demo and in tests
 * the port is known only once the web server runs.
 */
@Component
public class PublicBaseUrl {

    private final Environment environment;
    private final String configured;

    PublicBaseUrl(Environment environment, @Value("${rigsync.public-base-url:}") String configured) {
        this.environment = environment;
        this.configured = configured == null || configured.isBlank() ? null : stripSlash(configured.strip());
    }

    public String get() {
        if (configured != null) {
            return configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
