package com.rigsync.people;

import java.time.Clock;
import java.util.List;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.SignInThrottle;
import com.rigsync.security.Role;
import com.rigsync.security.SignedInSessions;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client Success helping a department whose administrators cannot get in: adding an administrator, resetting an
 * administrator's password, lifting a sign-in pause. Only administrators are within reach, never the department's
 * other people; each step lands in the department's own audit log, "by Client Success: NAME".
 */
@Service
public class DepartmentHelp {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final SignedInSessions sessions;
    private final SignInThrottle pauses;
    private final Clock clock;

    DepartmentHelp(UserAccountRepository accounts, PasswordEncoder passwordEncoder, CurrentUser currentUser,
                   AuditService audit, SignedInSessions sessions, SignInThrottle pauses, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.audit = audit;
        this.sessions = sessions;
        this.pauses = pauses;
        this.clock = clock;
    }

    /** The department's administrators, with whether their sign-in is paused; nobody else of the department. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public List<DepartmentAdministrator> administrators(long departmentId) {
        return accounts.findByDepartmentIdOrderByDisplayName(departmentId).stream()
                .filter(a -> a.getRole() == Role.ADMINISTRATOR)
                .map(a -> new DepartmentAdministrator(a.getId(), a.getUsername(), a.getDisplayName(), a.isEnabled(),
                        pauses.pausedUntil(a.getUsername()).orElse(null), a.getVersion()))
                .toList();
    }

    /** Adds an administrator with a one-time password, to be shown once. */
    @Transactional
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public NewAccount addAdministrator(long departmentId, String username, String displayName) {
        String cleanUsername = Usernames.check(username);
        if (displayName == null || displayName.isBlank() || displayName.trim().length() > 120) {
            throw new IllegalArgumentException("Enter the administrator's name (up to 120 characters).");
        }
        if (accounts.existsByUsername(cleanUsername)) {
            throw new IllegalArgumentException("The username '" + cleanUsername + "' is taken; choose another.");
        }
        OneTimePassword password = OneTimePassword.generate();
        accounts.save(new UserAccount(departmentId, cleanUsername, displayName.trim(), Role.ADMINISTRATOR,
                passwordEncoder.encode(password.reveal()), true, clock.instant()));
        audit.record(departmentId, AuditAction.ADMINISTRATOR_ADDED_BY_CLIENT_SUCCESS, cleanUsername,
                displayName.trim() + " added as Administrator with a one-time password " + byClientSuccess());
        return new NewAccount(cleanUsername, password);
    }

    /** Gives one of the department's administrators a new one-time password and ends their open sessions. */
    @Transactional
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public NewAccount resetAdministratorPassword(long departmentId, long userId, long expectedVersion) {
        UserAccount account = administrator(departmentId, userId, expectedVersion);
        OneTimePassword password = OneTimePassword.generate();
        account.changePassword(passwordEncoder.encode(password.reveal()), true);
        // their sessions end at their next request on every instance, as with an administrator's reset
        account.endSessions();
        accounts.saveAndFlush(account);
        audit.record(departmentId, AuditAction.PASSWORD_RESET_BY_CLIENT_SUCCESS, account.getUsername(),
                "one-time password issued " + byClientSuccess() + "; to be changed at the next sign-in");
        sessions.endSessionsOf(userId);
        return new NewAccount(account.getUsername(), password);
    }

    /** Lifts a paused sign-in of one of the department's administrators. */
    @Transactional
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public void liftSignInPause(long departmentId, long userId, long expectedVersion) {
        UserAccount account = administrator(departmentId, userId, expectedVersion);
        // the throttle records it in the department's audit log, "lifted by Client Success: NAME"
        if (!pauses.liftPause(account.getUsername())) {
            throw new IllegalArgumentException(account.getDisplayName() + "'s sign-in is not paused.");
        }
    }

    private UserAccount administrator(long departmentId, long userId, long expectedVersion) {
        UserAccount account = accounts.findById(userId)
                .filter(a -> a.getDepartmentId() != null && a.getDepartmentId() == departmentId)
                .orElseThrow(() -> new IllegalArgumentException("That person is not in this department."));
        if (account.getRole() != Role.ADMINISTRATOR) {
            throw new IllegalArgumentException(account.getDisplayName() + " is a " + account.getRole().label()
                    + "; Client Success helps only the department's administrators, who manage everyone else.");
        }
        if (account.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(UserAccount.class, userId);
        }
        return account;
    }

    private String byClientSuccess() {
        return "by Client Success: " + currentUser.require().displayName();
    }
}
