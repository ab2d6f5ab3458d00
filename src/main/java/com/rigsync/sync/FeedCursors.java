package com.rigsync.sync;

import java.time.Clock;
import java.util.Optional;

import com.rigsync.integration.SamsaraOrganisationChanged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The {@code sync_feed_cursor} table: where each department's stats feed stands, per group of stat types. A stored
 * row with no cursor means the snapshot read was done and the next run starts the feed; a row whose query key differs
 * from the run's (another tag filter, other linked vehicles) is started afresh.
 */
@Repository
class FeedCursors {

    /** A stored position; {@code cursor} null = start the feed from the latest stats. */
    record Position(String queryKey, String cursor) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    FeedCursors(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Optional<Position> find(long departmentId, String typeGroup) {
        return jdbc.query("select query_key, feed_cursor from sync_feed_cursor where department_id = ? "
                        + "and type_group = ?", (rs, row) -> new Position(rs.getString(1), rs.getString(2)),
                departmentId, typeGroup).stream().findFirst();
    }

    @Transactional
    void save(long departmentId, String typeGroup, String queryKey, String cursor) {
        jdbc.update("""
                insert into sync_feed_cursor (department_id, type_group, query_key, feed_cursor, updated_at)
                values (?, ?, ?, ?, ?)
                on duplicate key update query_key = values(query_key), feed_cursor = values(feed_cursor),
                    updated_at = values(updated_at)""", departmentId, typeGroup, queryKey, cursor,
                SyncRuns.utc(clock.instant()));
    }

    /** Another Samsara organisation's token was saved: its feed positions mean nothing for the new one. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void organisationChanged(SamsaraOrganisationChanged event) {
        jdbc.update("delete from sync_feed_cursor where department_id = ?", event.departmentId());
    }
}
