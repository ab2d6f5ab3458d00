package com.rigsync.apparatus;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A bulk change as applied: enough to undo it (each apparatus' version after the change and its values before).
 * Only the person who made it can undo it, and only while nobody has changed those apparatus since.
 */
public final class BulkEditReceipt implements Serializable {

    record Undo(long id, long versionAfter, String unitName, BulkValues before, BulkValues after)
            implements Serializable {
    }

    private final String username;
    private final long departmentId;
    private final Instant at;
    private final List<Undo> rows;

    BulkEditReceipt(String username, long departmentId, Instant at, List<Undo> rows) {
        this.username = username;
        this.departmentId = departmentId;
        this.at = at;
        this.rows = List.copyOf(rows);
    }

    /** How many apparatus the change changed. */
    public int changed() {
        return rows.size();
    }

    public Instant at() {
        return at;
    }

    String username() {
        return username;
    }

    long departmentId() {
        return departmentId;
    }

    List<Undo> rows() {
        return rows;
    }
}
