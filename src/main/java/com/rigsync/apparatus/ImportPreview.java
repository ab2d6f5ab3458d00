package com.rigsync.apparatus;

import java.util.List;

/** Every row's outcome; the file can be applied only when no row has an error (all rows or none). */
public record ImportPreview(List<ImportRow> rows) {

    public ImportPreview {
        rows = List.copyOf(rows);
    }

    public long count(ImportOutcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }

    public boolean canApply() {
        return count(ImportOutcome.ERROR) == 0 && count(ImportOutcome.NEW) + count(ImportOutcome.UPDATE) > 0;
    }

    /** "3 new, 2 to update, 30 unchanged, 1 with errors" */
    public String summary() {
        return count(ImportOutcome.NEW) + " new, " + count(ImportOutcome.UPDATE) + " to update, "
                + count(ImportOutcome.UNCHANGED) + " unchanged, " + count(ImportOutcome.ERROR) + " with errors";
    }
}
