package com.rigsync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start outside the demo without a database or an encryption key, before Spring tries to guess one: the
 * demo is chosen explicitly, never inferred from a missing setting.
 */
class StartupChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String MAKE_A_KEY = "make one with: head -c 32 /dev/urandom | base64";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(Environment environment) {
        boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo");
        List<String> problems = new ArrayList<>();
        if (!demo && !StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            problems.add("""
                    RigSync has no database configured. Set SPRING_DATASOURCE_URL (for example \
                    jdbc:mariadb://db.example.org:3306/rigsync) with SPRING_DATASOURCE_USERNAME and \
                    SPRING_DATASOURCE_PASSWORD, or start the demo with the Spring profile 'demo' \
                    (./mvnw spring-boot:run does that).""");
        }
        String key = environment.getProperty("rigsync.encryption.key");
        if (!demo && !StringUtils.hasText(key)) {
            problems.add("RigSync has no encryption key for the Samsara tokens it stores. Set RIGSYNC_ENCRYPTION_KEY "
                    + "to the base64 of 32 random bytes (" + MAKE_A_KEY + ") and keep it safe: without it the "
                    + "saved tokens cannot be read.");
        }
        checkOAuthApp(environment, demo, problems);
        checkKeyFormat("RIGSYNC_ENCRYPTION_KEY", key, problems);
        checkKeyFormat("RIGSYNC_ENCRYPTION_KEY_PREVIOUS", environment.getProperty("rigsync.encryption.previous-key"),
                problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
    }

    /**
     * The Samsara OAuth app: both credentials or neither; with them (outside the demo) a public base URL, since
     * Samsara sends the browser back to it, on https unless it is this machine. Never repeats the secret.
     */
    private static void checkOAuthApp(Environment environment, boolean demo, List<String> problems) {
        boolean id = StringUtils.hasText(environment.getProperty("rigsync.samsara.oauth.client-id"));
        boolean secret = StringUtils.hasText(environment.getProperty("rigsync.samsara.oauth.client-secret"));
        if (id != secret) {
            problems.add("Set both SAMSARA_CLIENT_ID and SAMSARA_CLIENT_SECRET for Connect with Samsara, or "
                    + "neither to offer API tokens only.");
            return;
        }
        String base = environment.getProperty("rigsync.public-base-url");
        if (!id || demo) {
            return;
        }
        if (!StringUtils.hasText(base)) {
            problems.add("Connect with Samsara needs RIGSYNC_PUBLIC_BASE_URL, the address people use to reach RigSync "
                    + "(for example https://rigsync.example.org): Samsara sends the browser back to "
                    + "<RIGSYNC_PUBLIC_BASE_URL>/samsara/oauth/callback.");
        } else if (!base.startsWith("https://") && !base.startsWith("http://localhost")
                && !base.startsWith("http://127.0.0.1")) {
            problems.add("RIGSYNC_PUBLIC_BASE_URL must start with https:// (http:// only for localhost): Samsara "
                    + "redirects only to https addresses.");
        }
    }

    /** Says which setting is wrong without ever repeating its value. */
    private static void checkKeyFormat(String name, String value, List<String> problems) {
        if (!StringUtils.hasText(value)) {
            return;
        }
        try {
            if (Base64.getDecoder().decode(value.trim()).length == 32) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(name + " must be the base64 of exactly 32 random bytes (" + MAKE_A_KEY + ").");
    }
}
