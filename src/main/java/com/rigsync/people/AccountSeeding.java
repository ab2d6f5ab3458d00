package com.rigsync.people;

import java.time.Clock;

import com.rigsync.security.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts at start-up, before anyone can sign in: the demo's users and production's first Client Success
 * account. Never reachable from a screen (an architecture test checks that).
 */
@Component
public class AccountSeeding {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountSeeding(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Creates the account unless the username exists; returns whether it was created. */
    @Transactional
    public boolean ensureAccount(String username, String displayName, Role role, Long departmentId,
                                 String password, boolean mustChangePassword) {
        String clean = Usernames.check(username);
        if (accounts.existsByUsername(clean)) {
            return false;
        }
        accounts.save(new UserAccount(departmentId, clean, displayName, role, passwordEncoder.encode(password),
                mustChangePassword, clock.instant()));
        return true;
    }

    /** Gives the account this e-mail address unless it has one already (a person's own choice stays). */
    @Transactional
    public void ensureEmail(String username, String email) {
        accounts.findByUsername(username).filter(a -> a.getEmail() == null)
                .ifPresent(a -> a.setEmail(EmailAddresses.check(email)));
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return accounts.existsByUsername(username.trim());
    }

    public boolean anyClientSuccessAccount() {
        return accounts.existsByRole(Role.CLIENT_SUCCESS);
    }
}
