package com.rigsync.security;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way out of {@link SignInThrottle} for someone helping a person back in: whether a username's sign-in is
 * paused, and lifting it (from every address). Callers check who may do this; it decides nothing itself.
 */
@Component
public class PausedSignIns {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PausedSignIns(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Until when the username's sign-in is paused from some address, if it is. */
    @Transactional(readOnly = true)
    public Optional<Instant> pausedUntil(String username) {
        LocalDateTime until = jdbc.queryForObject("select max(locked_until) from sign_in_throttle where username = ?"
                + " and locked_until > ?", LocalDateTime.class, key(username),
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return Optional.ofNullable(until).map(at -> at.toInstant(ZoneOffset.UTC));
    }

    /** Forgets the username's failed sign-ins from every address; returns how many addresses were paused. */
    @Transactional
    public int lift(String username) {
        int paused = jdbc.queryForObject("select count(*) from sign_in_throttle where username = ? and locked_until > ?",
                Integer.class, key(username), LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        jdbc.update("delete from sign_in_throttle where username = ?", key(username));
        return paused;
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
