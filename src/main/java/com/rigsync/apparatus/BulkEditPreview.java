package com.rigsync.apparatus;

import java.io.Serializable;
import java.util.List;

/**
 * What "Edit selected" would do, before anything is written: the apparatus that would change (with the version read,
 * so a change made meanwhile is caught on apply), those refused and why, and how many already hold the new values.
 */
public record BulkEditPreview(BulkChange change, List<Planned> changes, List<Refused> refused, int unchanged)
        implements Serializable {

    public BulkEditPreview {
        changes = List.copyOf(changes);
        refused = List.copyOf(refused);
    }

    /** An apparatus that would change, and how ("Station: Station 1 → Station 2"). */
    public record Planned(long id, long version, String unitName, String what) implements Serializable {
    }

    /** An apparatus left as it is, and why, in the department's words. */
    public record Refused(String unitName, String why) implements Serializable {
    }

    public int total() {
        return changes.size() + refused.size() + unchanged;
    }
}
