package com.rigsync.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits password guessing, in the database so a restart or another instance lifts nothing. Per typed username over
 * all addresses: each password check is reserved under a row lock before the password is looked at, so at most five
 * passwords are checked per username in a pause window however the attempts are spread over time, threads, instances
 * and addresses; the fifth failure pauses the username for 15 minutes. Per username and client address as well: the
 * first two failures cost nothing (people mistype), after the third and fourth the next attempt from there has to wait
 * a little. A successful sign-in clears both. Unknown usernames are treated exactly like real ones. An administrator
 * (or Client Success) can lift a pause.
 */
@Component
public class SignInThrottle {

    static final int FREE_FAILURES = 2;
    static final int FAILURES_BEFORE_PAUSE = 5;
    static final Duration PAUSE = Duration.ofMinutes(15);
    private static final List<Duration> WAITS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30));

    /** Rows kept at most per table; beyond this the oldest unpaused ones go first (guessing random usernames). */
    static final int MAX_ROWS = 50_000;

    static final String PAUSED = "Too many failed sign-ins for this username. Signing in is paused: try again in %d "
            + "%s, or ask your administrator to lift the pause.";

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final UserDetailsService users;

    private final CurrentUser currentUser;

    SignInThrottle(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events, UserDetailsService users,
                   CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.users = users;
        this.currentUser = currentUser;
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
                throw paused(now, row.lockedUntil());
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

    /**
     * Reserves one password check for this username before the password is looked at, or refuses the attempt while
     * the username is paused or its checks for this window are used up (some may still be in flight). The row lock
     * makes concurrent attempts queue here, so no burst gets more than {@link #FAILURES_BEFORE_PAUSE} checks.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reserveCheck(String username) {
        String key = key(username);
        Instant now = clock.instant();
        // "on duplicate key update" locks the row exclusively at once; "insert ignore" then "for update" deadlocks
        jdbc.update("insert into sign_in_account_pause (username, checks, window_started) values (?, 0, ?) "
                + "on duplicate key update checks = checks", key, utc(now));
        AccountRow row = lockAccount(key);
        if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
            throw paused(now, row.lockedUntil());
        }
        int checks = row.checks();
        Instant windowStarted = row.windowStarted();
        if (row.lockedUntil() != null || !windowStarted.plus(PAUSE).isAfter(now)) {
            checks = 0;
            windowStarted = now;
        }
        if (checks >= FAILURES_BEFORE_PAUSE) {
            throw paused(now, windowStarted.plus(PAUSE));
        }
        jdbc.update("update sign_in_account_pause set checks = ?, window_started = ?, locked_until = null "
                + "where username = ?", checks + 1, utc(windowStarted), key);
    }

    /** Counts a failed attempt; returns whether this one paused sign-in (then {@link #announcePause} records it). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean failed(String username, String address) {
        String key = key(username);
        String from = address(address);
        Instant now = clock.instant();
        // the account: the check that used up the window's last reservation pauses the username everywhere
        boolean accountPaused = jdbc.update("update sign_in_account_pause set locked_until = ? where username = ? "
                + "and checks >= ? and locked_until is null", utc(now.plus(PAUSE)), key, FAILURES_BEFORE_PAUSE) == 1;
        jdbc.update("insert into sign_in_throttle (username, client_address, failures, last_failure_at) "
                + "values (?, ?, 0, ?) on duplicate key update failures = failures", key, from, utc(now));
        Row row = jdbc.queryForObject("select failures, last_failure_at, locked_until from sign_in_throttle "
                        + "where username = ? and client_address = ? for update",
                (rs, i) -> new Row(rs.getInt(1), instant(rs.getObject(2, LocalDateTime.class)),
                        instant(rs.getObject(3, LocalDateTime.class))),
                key, from);
        int failures = row.failures();
        if (row.lockedUntil() != null) {
            if (row.lockedUntil().isAfter(now)) {
                return accountPaused;
            }
            failures = 0;
        }
        failures++;
        Instant lockedUntil = failures >= FAILURES_BEFORE_PAUSE ? now.plus(PAUSE) : null;
        jdbc.update("update sign_in_throttle set failures = ?, last_failure_at = ?, locked_until = ? "
                + "where username = ? and client_address = ?", failures, utc(now), utc(lockedUntil), key, from);
        forgetOldRecords(now);
        return accountPaused || lockedUntil != null;
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
        events.publishEvent(new SignInPaused(departmentOf(key), key, FAILURES_BEFORE_PAUSE + " failed sign-ins, "
                + "the last from " + from + "; signing in is paused for " + PAUSE.toMinutes() + " minutes"));
    }

    /** Until when sign-in for this username is paused, if it is; for the people screens. */
    @Transactional(readOnly = true)
    public Optional<Instant> pausedUntil(String username) {
        Instant now = clock.instant();
        return jdbc.query("select locked_until from sign_in_account_pause where username = ? and locked_until > ? "
                        + "union all select locked_until from sign_in_throttle where username = ? and locked_until > ? "
                        + "order by 1 desc",
                        (rs, i) -> instant(rs.getObject(1, LocalDateTime.class)),
                        key(username), utc(now), key(username), utc(now))
                .stream().findFirst();
    }

    /**
     * Lifts a sign-in pause and the slow-downs for a username, from every address, and records who lifted it in the
     * person's department's audit log. An administrator may lift it for people of their own department, Client
     * Success for anyone. Returns whether there was anything to lift.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'CLIENT_SUCCESS')")
    public boolean liftPause(String username) {
        String key = key(username);
        SignedInUser me = currentUser.require();
        Long departmentId = departmentOf(key);
        if (me.role() != Role.CLIENT_SUCCESS && (departmentId == null || !departmentId.equals(me.departmentId()))) {
            throw new AccessDeniedException("You can lift sign-in pauses only for people of your own department.");
        }
        Optional<Instant> pausedUntil = pausedUntil(key);
        int removed = jdbc.update("delete from sign_in_account_pause where username = ?", key)
                + jdbc.update("delete from sign_in_throttle where username = ?", key);
        if (removed == 0) {
            return false;
        }
        log.info("Sign-in pause for username '{}' lifted by {}", key, me.getUsername());
        // the department's administrators read this in their audit log: Client Success is named as such
        String by = me.role() == Role.CLIENT_SUCCESS ? "Client Success: " + me.displayName() : me.getUsername();
        events.publishEvent(new SignInPauseLifted(departmentId, key, pausedUntil.isPresent()
                ? "signing in was paused after failed attempts; lifted by " + by
                : "failed attempts cleared by " + by));
        return true;
    }

    /** A successful sign-in clears the failures for this username (its reserved checks) and address. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username, String address) {
        jdbc.update("delete from sign_in_throttle where username = ? and client_address = ?", key(username),
                address(address));
        jdbc.update("delete from sign_in_account_pause where username = ?", key(username));
    }

    /**
     * Forgets records that no longer slow anyone down, and keeps each table under {@link #MAX_ROWS} however many
     * usernames and addresses are tried (a pause in force is kept).
     */
    private void forgetOldRecords(Instant now) {
        jdbc.update("delete from sign_in_throttle where last_failure_at < ? and (locked_until is null "
                + "or locked_until < ?)", utc(now.minus(Duration.ofDays(1))), utc(now));
        jdbc.update("delete from sign_in_account_pause where window_started < ? and (locked_until is null "
                + "or locked_until < ?)", utc(now.minus(PAUSE)), utc(now));
        if (ThreadLocalRandom.current().nextInt(20) == 0) {
            trim("sign_in_throttle", "last_failure_at");
            trim("sign_in_account_pause", "window_started");
        }
    }

    private void trim(String table, String age) {
        Integer rows = jdbc.queryForObject("select count(*) from " + table, Integer.class);
        if (rows != null && rows > MAX_ROWS) {
            jdbc.update("delete from " + table + " order by (locked_until is not null), " + age + " limit "
                    + (rows - MAX_ROWS));
        }
    }

    private AccountRow lockAccount(String key) {
        return jdbc.queryForObject("select checks, window_started, locked_until from sign_in_account_pause "
                        + "where username = ? for update",
                (rs, i) -> new AccountRow(rs.getInt(1), instant(rs.getObject(2, LocalDateTime.class)),
                        instant(rs.getObject(3, LocalDateTime.class))), key);
    }

    private static SignInPausedException paused(Instant now, Instant until) {
        long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
        return new SignInPausedException(PAUSED.formatted(minutes, minutes == 1 ? "minute" : "minutes"));
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

    private record AccountRow(int checks, Instant windowStarted, Instant lockedUntil) {
    }
}
