package com.rigsync.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a person's open sessions when their account is disabled, their role changes or their password is reset, so
 * the change takes effect at their next click instead of at their next sign-in. Spring Security's session registry
 * marks the sessions expired; its concurrent-session filter then signs them out on their next request.
 */
@Component
public class SignedInSessions {

    private final SessionRegistry registry;

    SignedInSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Ends the user's sessions once the surrounding transaction commits (at once when there is none). */
    public void endSessionsOf(long userId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    expire(userId);
                }
            });
        } else {
            expire(userId);
        }
    }

    /** How many open sessions the user has; for tests and operators. */
    public int openSessionsOf(long userId) {
        return registry.getAllPrincipals().stream()
                .filter(p -> p instanceof SignedInUser user && user.userId() == userId)
                .mapToInt(p -> registry.getAllSessions(p, false).size())
                .sum();
    }

    private void expire(long userId) {
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof SignedInUser user && user.userId() == userId) {
                registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
