package com.rigsync.clientsuccess;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.rigsync.integration.IntegrationState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Departments grid's read model: one page of departments with their integration health, counted and paged in
 * the database so thousands of departments never load at once. It reads the department, connection and sync-run
 * tables directly (read only) because sorting by last successful sync has to happen in SQL; the health word follows
 * {@link IntegrationState}'s rules. Never a token or any of a department's data.
 */
@Service
public class DepartmentDirectory {

    /** The health word as {@link IntegrationState} names it. */
    static final String STATE = "(case when not d.samsara_entitled then 'NOT_ENTITLED'"
            + " when c.department_id is null or not c.enabled then 'OFF'"
            + " when c.secret_ciphertext is null then 'NOT_CONNECTED'"
            + " when c.health = 'OK' then 'WORKING' else c.health end)";
    static final String CONNECTED = "(d.samsara_entitled and c.enabled and c.secret_ciphertext is not null)";
    static final String LAST_SUCCESS = "s.finished_at";
    /** Each department's last successful sync comes from the sync feature's one-row-per-department table. */
    private static final String FROM = " from department d left join samsara_connection c on c.department_id = d.id"
            + " left join sync_last_success s on s.department_id = d.id";

    private final JdbcClient jdbc;
    private final Clock clock;

    DepartmentDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public int count(String search, DepartmentShown shown) {
        return jdbc.sql("select count(*)" + FROM + where(shown))
                .param("name", pattern(search))
                .param("dayAgo", dayAgo())
                .query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public List<DepartmentRow> page(String search, DepartmentShown shown, DepartmentSort sort, boolean descending,
                                    int offset, int limit) {
        // never-synced departments go last in either direction of the last-sync order
        String nullsLast = sort == DepartmentSort.LAST_SUCCESS ? "last_success is null, " : "";
        String order = " order by " + nullsLast + sort.column() + (descending ? " desc" : "") + ", id";
        // the page is chosen first; people are counted only for its rows, not for every department sorted
        return jdbc.sql("select p.*, (select count(*) from app_user u where u.department_id = p.id) as users from ("
                        + "select d.id, d.name, d.samsara_entitled, d.created_at, d.version, " + STATE + " as state, "
                        + LAST_SUCCESS + " as last_success" + FROM + where(shown)
                        + order + " limit :limit offset :offset) p" + order)
                .param("name", pattern(search))
                .param("dayAgo", dayAgo())
                .param("limit", Math.max(0, limit))
                .param("offset", Math.max(0, offset))
                .query(DepartmentDirectory::row)
                .list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public DepartmentFigures figures() {
        return jdbc.sql("select count(*) as departments,"
                        + " coalesce(sum(d.samsara_entitled), 0) as entitled,"
                        + " coalesce(sum(" + CONNECTED + "), 0) as connected,"
                        + " coalesce(sum(" + STATE + " in ('NEEDS_ATTENTION', 'RECONNECT_NEEDED')), 0) as attention"
                        + FROM)
                .query((rs, row) -> new DepartmentFigures(rs.getLong("departments"), rs.getLong("entitled"),
                        rs.getLong("connected"), rs.getLong("attention")))
                .single();
    }

    private static String where(DepartmentShown shown) {
        return " where d.name like :name and " + (shown == null ? DepartmentShown.ALL : shown).condition();
    }

    private LocalDateTime dayAgo() {
        return LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC);
    }

    /** A contains-search on the name; the user's % and _ are taken literally. */
    private static String pattern(String search) {
        String text = search == null ? "" : search.trim();
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static DepartmentRow row(ResultSet rs, int row) throws SQLException {
        LocalDateTime lastSuccess = rs.getObject("last_success", LocalDateTime.class);
        return new DepartmentRow(rs.getLong("id"), rs.getString("name"), rs.getBoolean("samsara_entitled"),
                rs.getLong("users"), rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getLong("version"), IntegrationState.valueOf(rs.getString("state")),
                lastSuccess == null ? null : lastSuccess.toInstant(ZoneOffset.UTC));
    }
}
