package com.rigsync;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * One test JVM holds two Spring contexts (the mock-servlet one of the UI and service tests, the real-server one of the
 * browser tests). Each installs its own Vaadin-aware security context strategy as the global one, with its own
 * thread-local, while its method security keeps reading its own: a test signs in through the global holder, so it
 * first puts its own context's strategy back.
 */
public final class TestSecurityContexts {

    private TestSecurityContexts() {
    }

    public static void useStrategyOf(ApplicationContext context) {
        SecurityContextHolderStrategy strategy = context.getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfAvailable();
        if (strategy != null && SecurityContextHolder.getContextHolderStrategy() != strategy) {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
    }
}
