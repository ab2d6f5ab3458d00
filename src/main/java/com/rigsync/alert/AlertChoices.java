package com.rigsync.alert;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.Role;
import com.rigsync.security.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who gets which kind of alert, and how: each person's own choice, else their department's default (set by an
 * administrator, audited), else right away. Members get, and may choose, only the kinds about apparatus.
 */
@Service
public class AlertChoices {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditService audit;

    AlertChoices(JdbcClient jdbc, CurrentUser currentUser, AuditService audit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The kinds a role may get at all. */
    public static List<AlertKind> kindsFor(Role role) {
        return List.of(AlertKind.values()).stream()
                .filter(k -> role != Role.MEMBER || k.forMembers()).toList();
    }

    /** The signed-in person's delivery per kind they may get. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER','MEMBER')")
    public Map<AlertKind, Delivery> mine() {
        SignedInUser me = currentUser.require();
        Map<AlertKind, Delivery> defaults = defaults(me.departmentId());
        Map<AlertKind, Delivery> own = own(me.departmentId()).getOrDefault(me.userId(), Map.of());
        Map<AlertKind, Delivery> result = new EnumMap<>(AlertKind.class);
        for (AlertKind kind : kindsFor(me.role())) {
            result.put(kind, own.getOrDefault(kind, defaults.get(kind)));
        }
        return result;
    }

    /** The signed-in person chooses how they get one kind; a member only the kinds about apparatus. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER','MEMBER')")
    public void chooseMine(AlertKind kind, Delivery delivery) {
        SignedInUser me = currentUser.require();
        if (!kindsFor(me.role()).contains(kind)) {
            throw new AccessDeniedException("Members may choose fault code and not-reporting alerts only.");
        }
        jdbc.sql("insert into alert_choice (user_id, kind, delivery) values (?, ?, ?) "
                        + "on duplicate key update delivery = values(delivery)")
                .params(me.userId(), kind.name(), delivery.name()).update();
    }

    /** The department's defaults, for people who have not chosen. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public Map<AlertKind, Delivery> departmentDefaults() {
        return defaults(currentUser.departmentId());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public void setDepartmentDefault(AlertKind kind, Delivery delivery) {
        long departmentId = currentUser.departmentId();
        Delivery before = defaults(departmentId).get(kind);
        if (before == delivery) {
            return;
        }
        jdbc.sql("insert into department_alert_default (department_id, kind, delivery) values (?, ?, ?) "
                        + "on duplicate key update delivery = values(delivery)")
                .params(departmentId, kind.name(), delivery.name()).update();
        audit.record(departmentId, AuditAction.ALERT_DEFAULTS_CHANGED, kind.label(),
                before.label() + " → " + delivery.label());
    }

    /** The hour (department time) daily digests go out. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER','MEMBER')")
    public int digestHour() {
        return jdbc.sql("select digest_hour from department_alert_digest where department_id = ?")
                .param(currentUser.departmentId()).query(Integer.class).optional().orElse(AlertDigest.DEFAULT_HOUR);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public void setDigestHour(int hour) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("Choose an hour from 0 to 23.");
        }
        int before = digestHour();
        if (before == hour) {
            return;
        }
        long departmentId = currentUser.departmentId();
        jdbc.sql("insert into department_alert_digest (department_id, digest_hour) values (?, ?) "
                + "on duplicate key update digest_hour = values(digest_hour)").params(departmentId, hour).update();
        audit.record(departmentId, AuditAction.ALERT_DEFAULTS_CHANGED, "Daily digest time",
                String.format("%02d:00 → %02d:00", before, hour));
    }

    /** Every kind's default in a department: its administrators' choice, else right away. */
    Map<AlertKind, Delivery> defaults(long departmentId) {
        Map<AlertKind, Delivery> result = new EnumMap<>(AlertKind.class);
        for (AlertKind kind : AlertKind.values()) {
            result.put(kind, Delivery.RIGHT_AWAY);
        }
        jdbc.sql("select kind, delivery from department_alert_default where department_id = ?").param(departmentId)
                .query((rs, n) -> result.put(AlertKind.valueOf(rs.getString(1)), Delivery.valueOf(rs.getString(2))))
                .list();
        return result;
    }

    /** The own choices of a department's people, by user id. */
    Map<Long, Map<AlertKind, Delivery>> own(long departmentId) {
        Map<Long, Map<AlertKind, Delivery>> result = new HashMap<>();
        jdbc.sql("select c.user_id, c.kind, c.delivery from alert_choice c join app_user u on u.id = c.user_id "
                        + "where u.department_id = ?").param(departmentId)
                .query((rs, n) -> result.computeIfAbsent(rs.getLong(1), id -> new EnumMap<>(AlertKind.class))
                        .put(AlertKind.valueOf(rs.getString(2)), Delivery.valueOf(rs.getString(3))))
                .list();
        return result;
    }
}
