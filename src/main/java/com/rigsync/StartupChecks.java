package com.rigsync;

import java.util.Arrays;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start outside the demo without a database, before Spring tries to guess one: the demo is chosen
 * explicitly, never inferred from a missing setting.
 */
class StartupChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(Environment environment) {
        boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo");
        if (!demo && !StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new IllegalStateException("""
                    RigSync has no database configured. Set SPRING_DATASOURCE_URL (for example \
                    jdbc:mariadb://db.example.org:3306/rigsync) with SPRING_DATASOURCE_USERNAME and \
                    SPRING_DATASOURCE_PASSWORD, or start the demo with the Spring profile 'demo' \
                    (./mvnw spring-boot:run does that).""");
        }
    }
}
