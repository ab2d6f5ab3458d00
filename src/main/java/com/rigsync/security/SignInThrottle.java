package com.rigsync.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down and then pauses repeated failed sign-ins, per typed username and client address, in the database so a
 * restart lifts nothing. The first two failures cost nothing (people mistype); after the third and fourth the next
 * attempt has to wait a little; the fifth pauses sign-in for that username from that address for 15 minutes. A
 * successful sign-in clears the record. Unknown usernames are treated exactly like real ones.
 */
@Component
class SignInThrottle {

    static final int FREE_FAILURES = 2;
    static final int FAILURES_BEFORE_PAUSE = 5;
    static final Duration PAUSE = Duration.ofMinutes(15);
    private static final List<Duration> WAITS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30));

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final UserDetailsService users;

    SignInThrottle(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events, UserDetailsService users) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.users = users;
    }

    /** Refuses the attempt, without looking at the password, while this username and address must wait. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public void refuseIfPaused(String username, String address) {
        String key = key(username);
        List<Row> rows = jdbc.query("select failures, last_failure_at, locked_until from sign_in_throttle "
                        + "where username = ? and client_address = ?",
                (rs, i) -> new Row(rs.getInt(1), instant(rs.getObject(2, LocalDateTime.class)),
                        instant(rs.getObject(3, LocalDateTime.class))),
                key, address(address));
        if (rows.isEmpty()) {
            return;
        }
        Row row = rows.getFirst();
        Instant now = clock.instant();
        if (row.lockedUntil() != null) {
            if (row.lockedUntil().isAfter(now)) {
                long minutes = Math.max(1, (Duration.between(now, row.lockedUntil()).toSeconds() + 59) / 60);
                throw new SignInPausedException("Too many failed sign-ins for this username. Signing in is paused: "
                        + "try again in " + minutes + (minutes == 1 ? " minute" : " minutes")
                        + ", or ask your administrator to reset your password.");
            }
            return;
        }
        Duration wait = waitAfter(row.failures());
        Instant allowedFrom = row.lastFailureAt().plus(wait);
        if (allowedFrom.isAfter(now)) {
            long seconds = Math.max(1, Duration.between(now, allowedFrom).toSeconds());
            throw new SignInPausedException("Several sign-ins for this username failed. Wait " + seconds
                    + " seconds, check your username and password, and try again.");
        }
    }

    /** Counts a failed attempt; returns whether this one paused sign-in (then {@link #announcePause} records it). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean failed(String username, String address) {
        String key = key(username);
        String from = address(address);
        Instant now = clock.instant();
        jdbc.update("insert ignore into sign_in_throttle (username, client_address, failures, last_failure_at) "
                + "values (?, ?, 0, ?)", key, from, utc(now));
        Row row = jdbc.queryForObject("select failures, last_failure_at, locked_until from sign_in_throttle "
                        + "where username = ? and client_address = ? for update",
                (rs, i) -> new Row(rs.getInt(1), instant(rs.getObject(2, LocalDateTime.class)),
                        instant(rs.getObject(3, LocalDateTime.class))),
                key, from);
        int failures = row.failures();
        if (row.lockedUntil() != null) {
            if (row.lockedUntil().isAfter(now)) {
                return false;
            }
            failures = 0;
        }
        failures++;
        Instant lockedUntil = failures >= FAILURES_BEFORE_PAUSE ? now.plus(PAUSE) : null;
        jdbc.update("update sign_in_throttle set failures = ?, last_failure_at = ?, locked_until = ? "
                + "where username = ? and client_address = ?", failures, utc(now), utc(lockedUntil), key, from);
        // forget old, unlocked records so guessing random usernames does not grow the table for ever
        jdbc.update("delete from sign_in_throttle where last_failure_at < ? and (locked_until is null "
                + "or locked_until < ?)", utc(now.minus(Duration.ofDays(1))), utc(now));
        return lockedUntil != null;
    }

    /**
     * Announces a pause ({@link SignInPaused}; the audit log records it for the username's department, none for
     * unknown usernames). Runs outside the throttle's transaction: looking up an unknown username fails, and must not
     * undo the count.
     */
    public void announcePause(String username, String address) {
        String key = key(username);
        String from = address(address);
        log.warn("Sign-in for username '{}' from {} paused for {} minutes after {} failures", key, from,
                PAUSE.toMinutes(), FAILURES_BEFORE_PAUSE);
        events.publishEvent(new SignInPaused(departmentOf(key), key, FAILURES_BEFORE_PAUSE + " failed sign-ins from "
                + from + "; signing in from there is paused for " + PAUSE.toMinutes() + " minutes"));
    }

    /** A successful sign-in clears the failures for this username and address. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username, String address) {
        jdbc.update("delete from sign_in_throttle where username = ? and client_address = ?", key(username),
                address(address));
    }

    private static Duration waitAfter(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        return WAITS.get(Math.min(failures - FREE_FAILURES, WAITS.size()) - 1);
    }

    private Long departmentOf(String username) {
        try {
            UserDetails user = users.loadUserByUsername(username);
            return user instanceof SignedInUser signedIn ? signedIn.departmentId() : null;
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    private static String key(String username) {
        String clean = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return clean.length() > 80 ? clean.substring(0, 80) : clean;
    }

    private static String address(String address) {
        String clean = address == null || address.isBlank() ? "unknown" : address.trim();
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private record Row(int failures, Instant lastFailureAt, Instant lockedUntil) {
    }
}
