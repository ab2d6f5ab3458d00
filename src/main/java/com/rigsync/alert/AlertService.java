package com.rigsync.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rigsync.security.CurrentUser;
import com.rigsync.security.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static com.rigsync.alert.AlertEvaluation.utc;

/**
 * The signed-in person's department's alerts, as far as their role may see them (members: apparatus alerts only).
 * The department always comes from the sign-in.
 */
@Service
public class AlertService {

    /** How long a resolved alert stays on the Alerts page. */
    public static final Duration RECENT = Duration.ofDays(7);
    private static final String DEPARTMENT_ROLES = "hasAnyRole('ADMINISTRATOR','DATA_MANAGER','MEMBER')";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    AlertService(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** How many alerts are open that the signed-in person may see: one small query. */
    @Transactional(readOnly = true)
    @PreAuthorize(DEPARTMENT_ROLES)
    public int openCount() {
        SignedInUser me = currentUser.require();
        return jdbc.sql("select count(*) from alert where department_id = :department and open_key is not null "
                        + "and kind in (:kinds)")
                .param("department", me.departmentId()).param("kinds", kinds(me))
                .query(Integer.class).single();
    }

    /**
     * Open alerts and those resolved in the last {@link #RECENT}, newest first, with who was mailed.
     *
     * @param kind null for every kind
     */
    @Transactional(readOnly = true)
    @PreAuthorize(DEPARTMENT_ROLES)
    public List<AlertSummary> alerts(boolean openOnly, AlertKind kind) {
        SignedInUser me = currentUser.require();
        List<String> kinds = kind == null ? kinds(me)
                : kinds(me).contains(kind.name()) ? List.of(kind.name()) : List.of();
        if (kinds.isEmpty()) {
            return List.of();
        }
        LocalDateTime since = utc(clock.instant().minus(RECENT));
        List<AlertSummary> found = jdbc.sql("""
                        select id, kind, subject_name, detail, fix_path, opened_at, resolved_at from alert
                        where department_id = :department and kind in (:kinds)
                          and (resolved_at is null or (:openOnly = false and resolved_at >= :since))
                        order by resolved_at is null desc, opened_at desc, id desc limit 500""")
                .param("department", me.departmentId()).param("kinds", kinds).param("openOnly", openOnly)
                .param("since", since)
                .query((rs, n) -> new AlertSummary(rs.getLong(1), AlertKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), instant(rs.getObject(6, LocalDateTime.class)),
                        instant(rs.getObject(7, LocalDateTime.class)), List.of()))
                .list();
        if (found.isEmpty()) {
            return found;
        }
        Map<Long, List<AlertSummary.MailLine>> mails = new HashMap<>();
        jdbc.sql("""
                        select m.alert_id, u.display_name, m.purpose, m.status, m.sent_at, m.attempts, m.last_error
                        from alert_mail m join app_user u on u.id = m.user_id
                        where m.alert_id in (:ids) order by m.id""")
                .param("ids", found.stream().map(AlertSummary::id).toList())
                .query((rs, n) -> mails.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                        .add(new AlertSummary.MailLine(rs.getString(2), rs.getString(3), rs.getString(4),
                                instant(rs.getObject(5, LocalDateTime.class)), rs.getInt(6), rs.getString(7))))
                .list();
        return found.stream().map(a -> new AlertSummary(a.id(), a.kind(), a.subjectName(), a.detail(), a.fixPath(),
                a.openedAt(), a.resolvedAt(), mails.getOrDefault(a.id(), List.of()))).toList();
    }

    /** Mail of the department's alerts that has not gone out yet, and the newest reason why; empty when none waits. */
    @Transactional(readOnly = true)
    @PreAuthorize(DEPARTMENT_ROLES)
    public java.util.Optional<String> mailWaiting() {
        SignedInUser me = currentUser.require();
        return jdbc.sql("""
                        select count(*), max(m.last_error) from alert_mail m join alert a on a.id = m.alert_id
                        where a.department_id = ? and m.status = 'WAITING' and m.last_error is not null""")
                .param(me.departmentId())
                .query((rs, n) -> rs.getInt(1) == 0 ? null
                        : (rs.getInt(1) == 1 ? "1 alert mail is" : rs.getInt(1) + " alert mails are")
                        + " waiting to be sent: " + rs.getString(2)
                        + ". They go out by themselves once the mail server takes them.")
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private static List<String> kinds(SignedInUser me) {
        return AlertChoices.kindsFor(me.role()).stream().map(Enum::name).toList();
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
