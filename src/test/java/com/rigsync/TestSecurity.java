package com.rigsync;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Vaadin gives every Spring context its own security-context strategy and makes it the global one when the context
 * starts. The browser tests' context (a real port) starts after the shared mock context has been cached, so tests
 * of the shared context put its strategy back before signing anyone in; otherwise its services see nobody signed in,
 * depending on the order test classes happen to run in.
 */
public final class TestSecurity {

    private TestSecurity() {
    }

    public static void useStrategyOf(ApplicationContext context) {
        SecurityContextHolder.setContextHolderStrategy(context.getBean(SecurityContextHolderStrategy.class));
    }
}
