package com.rigsync.people;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rigsync.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people who sign in to RigSync. */
@Service
public class PeopleService {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    PeopleService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * Creates a department's first administrator with a one-time password, which they must change at first
     * sign-in. Client Success only: it is part of creating a department.
     */
    @Transactional
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public NewAccount createFirstAdministrator(long departmentId, String username, String displayName) {
        String cleanUsername = Usernames.check(username);
        if (accounts.existsByUsername(cleanUsername)) {
            throw new IllegalArgumentException("The username '" + cleanUsername + "' is taken; choose another.");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("Enter the administrator's name.");
        }
        OneTimePassword password = OneTimePassword.generate();
        accounts.save(new UserAccount(departmentId, cleanUsername, displayName.trim(), Role.ADMINISTRATOR,
                passwordEncoder.encode(password.reveal()), true, clock.instant()));
        return new NewAccount(cleanUsername, password);
    }

    /** How many people each department has, keyed by department id. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public Map<Long, Long> userCountsByDepartment() {
        Map<Long, Long> counts = new HashMap<>();
        List<Object[]> rows = accounts.countByDepartment();
        for (Object[] row : rows) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }
}
