package com.rigsync.security;

import java.util.Optional;

import com.rigsync.base.ui.SignedInPerson;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place services learn who is calling and which department they may touch. Department-scoped services take
 * the department from here, never from a parameter a view could forge.
 */
@Component
public class CurrentUser implements SignedInPerson {

    public Optional<SignedInUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public SignedInUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Please sign in."));
    }

    /** The signed-in user's department; refuses callers who belong to none (Client Success, anonymous). */
    public long departmentId() {
        Long departmentId = require().departmentId();
        if (departmentId == null) {
            throw new AccessDeniedException("This belongs to a department's own staff.");
        }
        return departmentId;
    }

    /** Who did it, for the audit trail: the username, or "system" for background work. */
    public String actorName() {
        return get().map(SignedInUser::getUsername).orElse("system");
    }

    @Override
    public Optional<String> nameAndRole() {
        return get().map(user -> user.displayName() + " · " + user.role().label());
    }

    @Override
    public boolean belongsToDepartment() {
        return get().map(SignedInUser::departmentId).isPresent();
    }
}
