package com.rigsync.security;

import com.rigsync.SpringAppTest;
import com.rigsync.audit.AuditAction;
import com.rigsync.people.AccountSeeding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Repeated failed sign-ins through the real sign-in check: slowed down, then paused, per username and address, in
 * the database, and cleared by a success. Time passes by ageing the stored rows, so no test waits.
 */
@SpringAppTest
class SignInThrottleTest {

    private static final String PASSWORD = "a long and private passphrase";
    private static final String ATTACKER = "203.0.113.7";

    @Autowired
    private AuthenticationConfiguration authenticationConfiguration;
    @Autowired
    private AccountSeeding seeding;
    @Autowired
    private JdbcTemplate jdbc;

    private AuthenticationManager manager;

    @BeforeEach
    void setUp() throws Exception {
        manager = authenticationConfiguration.getAuthenticationManager();
    }

    private Authentication signIn(String username, String password, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
                password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return manager.authenticate(attempt);
    }

    private void failOnce(String username, String address) {
        assertThatThrownBy(() -> signIn(username, "wrong guess", address))
                .isInstanceOf(BadCredentialsException.class);
    }

    /** Lets the waits between attempts pass. */
    private void timePasses(String username) {
        jdbc.update("update sign_in_throttle set last_failure_at = last_failure_at - interval 1 minute "
                + "where username = ?", username);
    }

    private long springfield() {
        return jdbc.queryForObject("select id from department where name = 'Springfield Fire Rescue'", Long.class);
    }

    @Test
    void repeatedFailuresAreSlowedDownThenPausedAndTheRightPasswordWaitsToo() {
        seeding.ensureAccount("throttle-target", "Tess Throttle", Role.MEMBER, springfield(), PASSWORD, false);

        failOnce("throttle-target", ATTACKER);
        failOnce("throttle-target", ATTACKER);
        failOnce("throttle-target", ATTACKER);
        // after the third failure the next attempt must wait, even with the right password
        assertThatThrownBy(() -> signIn("throttle-target", PASSWORD, ATTACKER))
                .isInstanceOf(SignInPausedException.class)
                .hasMessageMatching("Several sign-ins for this username failed\\. Wait \\d+ seconds, check your "
                        + "username and password, and try again\\.");
        timePasses("throttle-target");
        failOnce("throttle-target", ATTACKER);
        timePasses("throttle-target");
        failOnce("throttle-target", ATTACKER);

        assertThatThrownBy(() -> signIn("throttle-target", PASSWORD, ATTACKER))
                .isInstanceOf(SignInPausedException.class)
                .hasMessage("Too many failed sign-ins for this username. Signing in is paused: try again in 15 "
                        + "minutes, or ask your administrator to reset your password.");
        timePasses("throttle-target");
        assertThatThrownBy(() -> signIn("throttle-target", PASSWORD, ATTACKER))
                .isInstanceOf(SignInPausedException.class);

        // the pause is stored (a restart keeps it), for this address only, and audited for the department
        assertThat(jdbc.queryForObject("select count(*) from sign_in_throttle where username = 'throttle-target' "
                + "and locked_until > utc_timestamp(6)", Integer.class)).isOne();
        assertThat(signIn("throttle-target", PASSWORD, "198.51.100.20").isAuthenticated()).isTrue();
        assertThat(jdbc.queryForList("select detail from audit_event where action = ? and target = ? "
                        + "and department_id = ?", String.class, AuditAction.SIGN_IN_LOCKED.name(), "throttle-target",
                springfield()))
                .containsExactly("5 failed sign-ins from 203.0.113.7; signing in from there is paused for 15 minutes");

        // once the pause is over the right password works and wipes the record
        jdbc.update("update sign_in_throttle set locked_until = utc_timestamp(6) - interval 1 second "
                + "where username = 'throttle-target'");
        assertThat(signIn("throttle-target", PASSWORD, ATTACKER).isAuthenticated()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from sign_in_throttle where username = 'throttle-target'",
                Integer.class)).isZero();
    }

    @Test
    void aSuccessClearsEarlierFailures() {
        seeding.ensureAccount("throttle-cleared", "Cal Cleared", Role.MEMBER, springfield(), PASSWORD, false);
        failOnce("throttle-cleared", ATTACKER);
        failOnce("throttle-cleared", ATTACKER);
        assertThat(signIn("throttle-cleared", PASSWORD, ATTACKER).isAuthenticated()).isTrue();

        // the count starts again: two more mistakes cost no wait
        failOnce("throttle-cleared", ATTACKER);
        failOnce("throttle-cleared", ATTACKER);
        assertThat(signIn("throttle-cleared", PASSWORD, ATTACKER).isAuthenticated()).isTrue();
    }

    @Test
    void anUnknownUsernameIsAnsweredExactlyLikeAKnownOne() {
        for (int i = 0; i < 5; i++) {
            failOnce("nobody-by-this-name", ATTACKER);
            timePasses("nobody-by-this-name");
        }
        assertThatThrownBy(() -> signIn("nobody-by-this-name", PASSWORD, ATTACKER))
                .isInstanceOf(SignInPausedException.class)
                .hasMessage("Too many failed sign-ins for this username. Signing in is paused: try again in 15 "
                        + "minutes, or ask your administrator to reset your password.");
    }
}
