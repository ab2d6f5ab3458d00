package com.rigsync.people;

import com.rigsync.testing.SignIn;
import com.rigsync.SpringAppTest;
import java.util.List;

import com.rigsync.audit.AuditAction;
import com.rigsync.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** People management through the service itself: reach, the last-administrator rule, one-time passwords. */
@SpringAppTest
class PeopleServiceTest {

    private static final String GOOD_PASSWORD = "correct horse battery staple";

    @Autowired
    private PeopleService people;
    @Autowired
    private AccountSeeding seeding;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private AuthenticationConfiguration authenticationConfiguration;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void signInAs(String username) {
        SignIn.as(users, username);
    }

    private long departmentNamed(String name) {
        jdbc.update("insert ignore into department (name, samsara_entitled, created_at) values (?, false, now())",
                name);
        return jdbc.queryForObject("select id from department where name = ?", Long.class, name);
    }

    private Person person(String username) {
        return people.people().stream().filter(p -> p.username().equals(username)).findFirst().orElseThrow();
    }

    private long idOf(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    private long versionOf(String username) {
        return jdbc.queryForObject("select version from app_user where username = ?", Long.class, username);
    }

    private boolean authenticates(String username, String password) {
        try {
            AuthenticationManager manager = authenticationConfiguration.getAuthenticationManager();
            return manager.authenticate(new UsernamePasswordAuthenticationToken(username, password)).isAuthenticated();
        } catch (BadCredentialsException | DisabledException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theLastEnabledAdministratorCanNeitherBeDemotedNorDisabled() {
        long department = departmentNamed("Last Admin Fire District");
        seeding.ensureAccount("lastadmin-one", "Lee One", Role.ADMINISTRATOR, department, GOOD_PASSWORD, false);
        signInAs("lastadmin-one");

        assertThatThrownBy(() -> people.changeRole(idOf("lastadmin-one"), Role.MEMBER, versionOf("lastadmin-one")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Lee One is the last enabled administrator of the department. Make someone else an "
                        + "administrator first.");
        assertThatThrownBy(() -> people.setEnabled(idOf("lastadmin-one"), false, versionOf("lastadmin-one")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last enabled administrator");

        people.addPerson("lastadmin-two", "Lee Two", Role.ADMINISTRATOR);
        people.setEnabled(idOf("lastadmin-two"), false, versionOf("lastadmin-two"));
        // a disabled administrator does not count
        assertThatThrownBy(() -> people.changeRole(idOf("lastadmin-one"), Role.DATA_MANAGER,
                versionOf("lastadmin-one"))).hasMessageContaining("last enabled administrator");

        people.setEnabled(idOf("lastadmin-two"), true, versionOf("lastadmin-two"));
        Person demoted = people.changeRole(idOf("lastadmin-one"), Role.DATA_MANAGER, versionOf("lastadmin-one"));
        assertThat(demoted.role()).isEqualTo(Role.DATA_MANAGER);

        signInAs("lastadmin-two");
        assertThatThrownBy(() -> people.setEnabled(idOf("lastadmin-two"), false, versionOf("lastadmin-two")))
                .hasMessageContaining("last enabled administrator");
        assertThat(jdbc.queryForList("select action from audit_event where department_id = ? order by id",
                String.class, department)).containsExactly(AuditAction.USER_ADDED.name(),
                AuditAction.USER_DISABLED.name(), AuditAction.USER_ENABLED.name(),
                AuditAction.USER_ROLE_CHANGED.name());
    }

    @Test
    void emailAddressesAreCheckedSetByAdministratorsAndByTheirOwners() {
        long department = departmentNamed("Email Fire District");
        seeding.ensureAccount("email-admin", "Erin Admin", Role.ADMINISTRATOR, department, GOOD_PASSWORD, false);
        seeding.ensureAccount("email-member", "Eli Member", Role.MEMBER, department, GOOD_PASSWORD, false);
        signInAs("email-admin");

        assertThatThrownBy(() -> people.changeEmail(idOf("email-member"), "eli at example.org",
                versionOf("email-member"))).hasMessage("'eli at example.org' is not an e-mail address: it has no @.");
        assertThatThrownBy(() -> people.changeEmail(idOf("email-member"), "Eli <eli@example.org>",
                versionOf("email-member"))).hasMessageContaining("is not an e-mail address");
        assertThat(person("email-member").email()).isNull();

        Person changed = people.changeEmail(idOf("email-member"), "  eli@Example.ORG ", versionOf("email-member"));
        assertThat(changed.email()).isEqualTo("eli@example.org");

        signInAs("email-member");
        people.changeOwnEmail("eli.member@example.com");
        assertThat(people.myEmail()).isEqualTo("eli.member@example.com");
        assertThatThrownBy(() -> people.changeOwnEmail("eli@example")).hasMessageContaining("not an e-mail address");
        assertThat(people.myEmail()).isEqualTo("eli.member@example.com");
        // a member manages nobody else's address
        assertThatThrownBy(() -> people.changeEmail(idOf("email-admin"), "x@example.org", versionOf("email-admin")))
                .isInstanceOf(AccessDeniedException.class);

        signInAs("success");
        assertThatThrownBy(() -> people.changeEmail(idOf("email-member"), "x@example.org",
                versionOf("email-member"))).isInstanceOf(AccessDeniedException.class);
        people.changeOwnEmail("casey@example.org");
        assertThat(person("success").email()).isEqualTo("casey@example.org");
        assertThat(jdbc.queryForList("select action from audit_event where department_id = ? and action = ?",
                String.class, department, AuditAction.USER_EMAIL_CHANGED.name())).hasSize(2);
    }

    @Test
    void theLastEnabledClientSuccessAccountStays() {
        signInAs("success");
        List<Person> accounts = people.people();
        assertThat(accounts).extracting(Person::role).containsOnly(Role.CLIENT_SUCCESS);
        for (Person other : accounts) {
            if (!other.username().equals("success") && other.enabled()) {
                people.setEnabled(other.id(), false, other.version());
            }
        }
        assertThatThrownBy(() -> people.setEnabled(idOf("success"), false, versionOf("success")))
                .hasMessage("Casey Success is the last enabled Client Success account. Make someone else a Client "
                        + "Success user first.");
    }

    @Test
    void administratorsReachOnlyTheirOwnDepartmentsPeople() {
        signInAs("admin");
        assertThat(people.people()).extracting(Person::username).contains("admin", "manager", "member")
                .doesNotContain("shelbyville-admin", "success");

        long foreign = idOf("shelbyville-admin");
        long version = versionOf("shelbyville-admin");
        assertThatThrownBy(() -> people.setEnabled(foreign, false, version)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.changeRole(foreign, Role.MEMBER, version))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.resetPassword(foreign, version)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.setEnabled(idOf("success"), false, versionOf("success")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.setEnabled(999_999, false, 0)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("That person is not one you manage.");
        assertThatThrownBy(() -> people.addPerson("rogue-cs", "Rogue", Role.CLIENT_SUCCESS))
                .isInstanceOf(AccessDeniedException.class);

        signInAs("success");
        assertThatThrownBy(() -> people.resetPassword(idOf("admin"), versionOf("admin")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.addPerson("rogue-admin", "Rogue", Role.ADMINISTRATOR))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(people.people()).extracting(Person::username).doesNotContain("admin", "member");

        for (String username : new String[] {"manager", "member"}) {
            signInAs(username);
            assertThatThrownBy(() -> people.people()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> people.addPerson("rogue-member", "Rogue", Role.MEMBER))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> people.setEnabled(idOf("admin"), false, versionOf("admin")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> people.resetPassword(idOf("admin"), versionOf("admin")))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from app_user where username like 'rogue%'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select enabled from app_user where username = 'shelbyville-admin'",
                Boolean.class)).isTrue();
    }

    @Test
    void aNewPersonSignsInWithTheOneTimePasswordAndMustReplaceIt() {
        signInAs("admin");
        NewAccount created = people.addPerson("otp-newcomer", "Nia Newcomer", Role.DATA_MANAGER);
        String oneTime = created.password().reveal();
        assertThat(created.password().toString()).doesNotContain(oneTime);
        assertThat(jdbc.queryForObject("select password_hash from app_user where username = 'otp-newcomer'",
                String.class)).startsWith("{bcrypt}").doesNotContain(oneTime);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where detail like ? or target like ?",
                Integer.class, "%" + oneTime + "%", "%" + oneTime + "%")).isZero();
        assertThat(authenticates("otp-newcomer", oneTime)).isTrue();

        signInAs("otp-newcomer");
        assertThat(people.myAccountStatus()).isEqualTo(AccountStatus.MUST_CHANGE_PASSWORD);
        assertThatThrownBy(() -> people.changeOwnPassword("wrong one", GOOD_PASSWORD))
                .hasMessage("Your current password is not right. Type it again.");
        assertThatThrownBy(() -> people.changeOwnPassword(oneTime, "too short"))
                .hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> people.changeOwnPassword(oneTime, "otp-newcomer-2026"))
                .hasMessage("Choose a password that does not contain your username.");
        assertThatThrownBy(() -> people.changeOwnPassword(oneTime, "Password1234"))
                .hasMessageContaining("first ones attackers try");
        assertThatThrownBy(() -> people.changeOwnPassword(oneTime, oneTime))
                .hasMessage("Choose a new password, different from your current one.");
        assertThat(people.myAccountStatus()).isEqualTo(AccountStatus.MUST_CHANGE_PASSWORD);

        people.changeOwnPassword(oneTime, GOOD_PASSWORD);
        assertThat(people.myAccountStatus()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(authenticates("otp-newcomer", GOOD_PASSWORD)).isTrue();
        assertThat(authenticates("otp-newcomer", oneTime)).isFalse();
    }

    @Test
    void aResetIssuesANewOneTimePasswordAndDisablingStopsSignIn() {
        seeding.ensureAccount("reset-target", "Rae Reset", Role.MEMBER, idOfDepartment("Springfield Fire Rescue"),
                GOOD_PASSWORD, false);
        signInAs("admin");
        Person before = person("reset-target");
        NewAccount reset = people.resetPassword(before.id(), before.version());
        assertThat(authenticates("reset-target", GOOD_PASSWORD)).isFalse();
        assertThat(authenticates("reset-target", reset.password().reveal())).isTrue();
        assertThat(person("reset-target").mustChangePassword()).isTrue();
        // the person's list row was loaded before the reset: a second edit from it is refused
        assertThatThrownBy(() -> people.setEnabled(before.id(), false, before.version()))
                .isInstanceOf(OptimisticLockingFailureException.class);

        Person current = person("reset-target");
        people.setEnabled(current.id(), false, current.version());
        assertThat(authenticates("reset-target", reset.password().reveal())).isFalse();
        assertThatCode(() -> people.setEnabled(current.id(), true, person("reset-target").version()))
                .doesNotThrowAnyException();
        assertThat(authenticates("reset-target", reset.password().reveal())).isTrue();
        assertThat(jdbc.queryForList("select detail from audit_event where target = 'reset-target' order by id",
                String.class)).hasSize(3).noneMatch(d -> d.contains(reset.password().reveal()));
    }

    private long idOfDepartment(String name) {
        return jdbc.queryForObject("select id from department where name = ?", Long.class, name);
    }
}
