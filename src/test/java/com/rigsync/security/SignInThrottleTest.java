package com.rigsync.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.rigsync.SpringAppTest;
import com.rigsync.audit.AuditAction;
import com.rigsync.people.AccountSeeding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
    @Autowired
    private SignInThrottle throttle;

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
                        + "minutes, or ask your administrator to lift the pause.");
        timePasses("throttle-target");
        assertThatThrownBy(() -> signIn("throttle-target", PASSWORD, ATTACKER))
                .isInstanceOf(SignInPausedException.class);

        // the pause is stored (a restart keeps it), holds for the username from every address, and is audited
        assertThat(jdbc.queryForObject("select count(*) from sign_in_account_pause where username = "
                + "'throttle-target' and locked_until > utc_timestamp(6)", Integer.class)).isOne();
        assertThatThrownBy(() -> signIn("throttle-target", PASSWORD, "198.51.100.20"))
                .isInstanceOf(SignInPausedException.class);
        assertThat(jdbc.queryForList("select detail from audit_event where action = ? and target = ? "
                        + "and department_id = ?", String.class, AuditAction.SIGN_IN_LOCKED.name(), "throttle-target",
                springfield()))
                .containsExactly("5 failed sign-ins, the last from 203.0.113.7; signing in is paused for 15 minutes");

        // once the pause is over the right password works and wipes the records
        jdbc.update("update sign_in_throttle set locked_until = utc_timestamp(6) - interval 1 second "
                + "where username = 'throttle-target'");
        jdbc.update("update sign_in_account_pause set locked_until = utc_timestamp(6) - interval 1 second "
                + "where username = 'throttle-target'");
        assertThat(signIn("throttle-target", PASSWORD, ATTACKER).isAuthenticated()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from sign_in_throttle where username = 'throttle-target'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from sign_in_account_pause where username = "
                + "'throttle-target'", Integer.class)).isZero();
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
    void aBurstFromManyAddressesGetsFivePasswordChecksAndNoMore() throws Exception {
        seeding.ensureAccount("throttle-burst", "Bea Burst", Role.MEMBER, springfield(), PASSWORD, false);
        int attempts = 30;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                String address = "198.51.100." + (100 + i);
                answers.add(pool.submit(() -> {
                    start.await();
                    try {
                        signIn("throttle-burst", "wrong guess", address);
                        return "signed in";
                    } catch (SignInPausedException e) {
                        return "paused";
                    } catch (BadCredentialsException e) {
                        return "checked, wrong";
                    }
                }));
            }
            start.countDown();
            Map<String, Integer> counts = new TreeMap<>();
            for (Future<String> answer : answers) {
                counts.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            // five passwords were looked at, all at once, from thirty addresses; the rest were refused unchecked
            assertThat(counts).isEqualTo(Map.of("checked, wrong", 5, "paused", 25));
        } finally {
            pool.shutdownNow();
        }
        // and the right password, from yet another address, now waits for the pause too
        assertThatThrownBy(() -> signIn("throttle-burst", PASSWORD, "192.0.2.1"))
                .isInstanceOf(SignInPausedException.class)
                .hasMessage("Too many failed sign-ins for this username. Signing in is paused: try again in 15 "
                        + "minutes, or ask your administrator to lift the pause.");
    }

    @Test
    void anAdministratorLiftsAPauseForTheirOwnDepartmentOnlyAndItIsAudited() {
        seeding.ensureAccount("throttle-lifted", "Lee Lifted", Role.MEMBER, springfield(), PASSWORD, false);
        for (int i = 0; i < 5; i++) {
            failOnce("throttle-lifted", "198.51.100." + (200 + i));
        }
        assertThat(throttle.pausedUntil("throttle-lifted")).isPresent();

        SignedInUser otherAdmin = new SignedInUser(-2, "elsewhere-admin", "Elsewhere Admin", Role.ADMINISTRATOR,
                springfield() + 1000, true, null);
        SignedInUser admin = new SignedInUser(-1, "springfield-admin", "Springfield Admin", Role.ADMINISTRATOR,
                springfield(), true, null);
        try {
            signedInAs(otherAdmin);
            assertThatThrownBy(() -> throttle.liftPause("throttle-lifted")).isInstanceOf(AccessDeniedException.class);
            signedInAs(admin);
            assertThat(throttle.liftPause("throttle-lifted")).isTrue();
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(throttle.pausedUntil("throttle-lifted")).isEmpty();
        assertThat(signIn("throttle-lifted", PASSWORD, "198.51.100.200").isAuthenticated()).isTrue();
        assertThat(jdbc.queryForList("select actor from audit_event where action = ? and target = ? "
                        + "and department_id = ?", String.class, AuditAction.SIGN_IN_UNLOCKED.name(), "throttle-lifted",
                springfield())).containsExactly("springfield-admin");
    }

    private static void signedInAs(SignedInUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
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
                        + "minutes, or ask your administrator to lift the pause.");
    }
}
