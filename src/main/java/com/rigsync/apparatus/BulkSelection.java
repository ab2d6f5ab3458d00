package com.rigsync.apparatus;

import java.io.Serializable;
import java.util.List;

/**
 * Which apparatus "Edit selected" works on: rows picked in the grid (with the version the grid showed, so a row
 * changed since is refused as "changed meanwhile"), or every apparatus the grid's filter matches.
 */
public record BulkSelection(List<Picked> picked, ApparatusFilter filter) implements Serializable {

    /** A row picked in the grid as the person saw it. */
    public record Picked(long id, long version, String unitName) implements Serializable {
    }

    public static BulkSelection of(List<Picked> picked) {
        return new BulkSelection(List.copyOf(picked), null);
    }

    public static BulkSelection matching(ApparatusFilter filter) {
        return new BulkSelection(null, filter);
    }

    public boolean byFilter() {
        return filter != null;
    }
}
