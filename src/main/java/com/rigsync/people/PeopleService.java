package com.rigsync.people;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.Role;
import com.rigsync.security.SignedInSessions;
import com.rigsync.security.SignedInUser;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in to RigSync. An administrator manages the people of their own department, a Client Success
 * user manages Client Success accounts; whom a caller may manage always comes from who they are, never from an id
 * they pass.
 */
@Service
public class PeopleService {

    private static final List<Role> DEPARTMENT_ROLES = List.of(Role.ADMINISTRATOR, Role.DATA_MANAGER, Role.MEMBER);

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final SignedInSessions sessions;
    private final Clock clock;

    PeopleService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
                  CurrentUser currentUser, AuditService audit, SignedInSessions sessions, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.currentUser = currentUser;
        this.audit = audit;
        this.sessions = sessions;
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

    /** The roles the caller may give: a department's roles for an administrator, Client Success for Client Success. */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'CLIENT_SUCCESS')")
    public List<Role> assignableRoles() {
        return reach().roles();
    }

    /** The people the caller manages: their department's, or the Client Success accounts. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'CLIENT_SUCCESS')")
    public List<Person> people() {
        Reach reach = reach();
        List<UserAccount> found = reach.departmentId() == null
                ? accounts.findByRoleOrderByDisplayName(Role.CLIENT_SUCCESS)
                : accounts.findByDepartmentIdOrderByDisplayName(reach.departmentId());
        return found.stream().map(PeopleService::person).toList();
    }

    /** Adds a person with a one-time password, to be shown once and changed at their first sign-in. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'CLIENT_SUCCESS')")
    public NewAccount addPerson(String username, String displayName, Role role) {
        Reach reach = reach();
        reach.requireAssignable(role);
        String cleanUsername = Usernames.check(username);
        if (displayName == null || displayName.isBlank() || displayName.trim().length() > 120) {
            throw new IllegalArgumentException("Enter the person's name (up to 120 characters).");
        }
        if (accounts.existsByUsername(cleanUsername)) {
            throw new IllegalArgumentException("The username '" + cleanUsername + "' is taken; choose another.");
        }
        OneTimePassword password = OneTimePassword.generate();
        accounts.save(new UserAccount(reach.departmentId(), cleanUsername, displayName.trim(), role,
                passwordEncoder.encode(password.reveal()), true, clock.instant()));
        audit.record(reach.departmentId(), AuditAction.USER_ADDED, cleanUsername,
                displayName.trim() + " added as " + role.label() + " with a one-time password");
        return new NewAccount(cleanUsername, password);
    }

    /** Changes a person's role; the last enabled administrator (or Client Success account) keeps theirs. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'CLIENT_SUCCESS')")
    public Person changeRole(long userId, Role role, long expectedVersion) {
        Reach reach = reach();
        reach.requireAssignable(role);
        UserAccount account = managed(reach, userId, expectedVersion);
        if (account.getRole() == role) {
            return person(account);
        }
        Role before = account.getRole();
        requireAnotherEnabledKeyAccount(reach, account);
        account.setRole(role);
        account.endSessions();
        UserAccount saved = accounts.saveAndFlush(account);
        audit.record(reach.departmentId(), AuditAction.USER_ROLE_CHANGED, account.getUsername(),
                before.label() + " → " + role.label());
        sessions.endSessionsOf(userId);
        return person(saved);
    }

    /** Disables or re-enables a person. A disabled person cannot sign in and their open sessions end. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'CLIENT_SUCCESS')")
    public Person setEnabled(long userId, boolean enabled, long expectedVersion) {
        Reach reach = reach();
        UserAccount account = managed(reach, userId, expectedVersion);
        if (account.isEnabled() == enabled) {
            return person(account);
        }
        if (!enabled) {
            requireAnotherEnabledKeyAccount(reach, account);
        }
        account.setEnabled(enabled);
        if (!enabled) {
            account.endSessions();
        }
        UserAccount saved = accounts.saveAndFlush(account);
        audit.record(reach.departmentId(), enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
                account.getUsername(), account.getDisplayName() + (enabled ? " may sign in again" : " may no longer sign in"));
        if (!enabled) {
            sessions.endSessionsOf(userId);
        }
        return person(saved);
    }

    /** Gives a person a new one-time password (shown once) and ends their open sessions. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'CLIENT_SUCCESS')")
    public NewAccount resetPassword(long userId, long expectedVersion) {
        Reach reach = reach();
        UserAccount account = managed(reach, userId, expectedVersion);
        if (account.getId() == currentUser.require().userId()) {
            throw new IllegalArgumentException("To change your own password, use Change password.");
        }
        OneTimePassword password = OneTimePassword.generate();
        account.changePassword(passwordEncoder.encode(password.reveal()), true);
        account.endSessions();
        accounts.saveAndFlush(account);
        audit.record(reach.departmentId(), AuditAction.PASSWORD_RESET, account.getUsername(),
                "one-time password issued; to be changed at the next sign-in");
        sessions.endSessionsOf(userId);
        return new NewAccount(account.getUsername(), password);
    }

    /** Sets or clears (blank) the e-mail address alerts go to, of a person the caller manages. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'CLIENT_SUCCESS')")
    public Person changeEmail(long userId, String email, long expectedVersion) {
        Reach reach = reach();
        UserAccount account = managed(reach, userId, expectedVersion);
        return person(setEmail(account, email, account.getDepartmentId()));
    }

    /** The signed-in person's own e-mail address, or null when none is set. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public String myEmail() {
        return accounts.findById(currentUser.require().userId()).map(UserAccount::getEmail).orElse(null);
    }

    /** Everyone sets or clears (blank) their own e-mail address. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeOwnEmail(String email) {
        UserAccount account = accounts.findById(currentUser.require().userId())
                .orElseThrow(() -> new AccessDeniedException("Your account no longer exists."));
        setEmail(account, email, account.getDepartmentId());
    }

    private UserAccount setEmail(UserAccount account, String email, Long departmentId) {
        String clean = EmailAddresses.check(email);
        if (java.util.Objects.equals(clean, account.getEmail())) {
            return account;
        }
        String before = account.getEmail();
        account.setEmail(clean);
        UserAccount saved = accounts.saveAndFlush(account);
        audit.record(departmentId, AuditAction.USER_EMAIL_CHANGED, account.getUsername(),
                (before == null ? "none" : before) + " → " + (clean == null ? "none" : clean));
        return saved;
    }

    /** Whether the signed-in person may go on, must first choose a password, or has been disabled meanwhile. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public AccountStatus myAccountStatus() {
        return accounts.findById(currentUser.require().userId())
                .map(a -> !a.isEnabled() ? AccountStatus.DISABLED
                        : a.isMustChangePassword() ? AccountStatus.MUST_CHANGE_PASSWORD : AccountStatus.ACTIVE)
                .orElse(AccountStatus.DISABLED);
    }

    /** Everyone changes their own password, giving the current one; this also ends a one-time password. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword) {
        SignedInUser me = currentUser.require();
        UserAccount account = accounts.findById(me.userId())
                .orElseThrow(() -> new AccessDeniedException("Your account no longer exists."));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new IllegalArgumentException("Your current password is not right. Type it again.");
        }
        passwordPolicy.check(newPassword, account.getUsername());
        if (passwordEncoder.matches(newPassword, account.getPasswordHash())) {
            throw new IllegalArgumentException("Choose a new password, different from your current one.");
        }
        account.changePassword(passwordEncoder.encode(newPassword), false);
        accounts.saveAndFlush(account);
        audit.record(account.getDepartmentId(), AuditAction.PASSWORD_CHANGED, account.getUsername(),
                "changed by its owner");
    }

    private Reach reach() {
        SignedInUser me = currentUser.require();
        return switch (me.role()) {
            case ADMINISTRATOR -> new Reach(currentUser.departmentId(), DEPARTMENT_ROLES);
            case CLIENT_SUCCESS -> new Reach(null, List.of(Role.CLIENT_SUCCESS));
            default -> throw new AccessDeniedException("Only administrators manage people.");
        };
    }

    /** The account, if the caller manages it; anyone else's id is refused exactly like an id that does not exist. */
    private UserAccount managed(Reach reach, long userId, long expectedVersion) {
        UserAccount account = accounts.findById(userId)
                .filter(reach::contains)
                .orElseThrow(() -> new AccessDeniedException("That person is not one you manage."));
        if (account.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(UserAccount.class, userId);
        }
        return account;
    }

    /**
     * Refuses to disable or demote the last enabled administrator of a department (or the last enabled Client
     * Success account): nobody would be left to manage the others.
     */
    private void requireAnotherEnabledKeyAccount(Reach reach, UserAccount account) {
        Role keyRole = reach.departmentId() == null ? Role.CLIENT_SUCCESS : Role.ADMINISTRATOR;
        if (account.getRole() != keyRole || !account.isEnabled()) {
            return;
        }
        boolean anotherLeft = accounts.lockEnabledWithRole(keyRole, reach.departmentId()).stream()
                .anyMatch(other -> !other.getId().equals(account.getId()));
        if (!anotherLeft) {
            throw new IllegalArgumentException(account.getDisplayName() + " is the last enabled "
                    + (keyRole == Role.ADMINISTRATOR ? "administrator of the department" : "Client Success account")
                    + ". Make someone else " + (keyRole == Role.ADMINISTRATOR ? "an administrator" : "a Client Success user")
                    + " first.");
        }
    }

    private static Person person(UserAccount account) {
        return new Person(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
                account.isEnabled(), account.isMustChangePassword(), account.getCreatedAt(), account.getVersion(),
                account.getEmail());
    }

    /** Whom a caller manages: a department's people (with its roles) or, with no department, Client Success. */
    private record Reach(Long departmentId, List<Role> roles) {

        boolean contains(UserAccount account) {
            return departmentId == null
                    ? account.getDepartmentId() == null && account.getRole() == Role.CLIENT_SUCCESS
                    : departmentId.equals(account.getDepartmentId());
        }

        void requireAssignable(Role role) {
            if (role == null || !roles.contains(role)) {
                throw new AccessDeniedException("You cannot give that role.");
            }
        }
    }
}
