package com.rigsync.samsara;

import java.util.Locale;

/**
 * A list Samsara announced more of ({@code hasNextPage: true}) without a cursor to ask for it (none, empty, or one
 * already sent). Asking again would loop, so the list ends there and keeps the {@code itemsKept} that arrived.
 *
 * @param list what was being listed, in words ("vehicles", "drivers", "vehicle stats")
 */
public record ListCutShort(String list, int itemsKept) {

    /** Whether the vehicle list ({@code GET /fleet/vehicles}) was cut short. */
    public boolean ofVehicles() {
        return list.equals(Endpoint.VEHICLES.listed());
    }

    /** What happened, for the department's Sync panel. */
    public String userMessage() {
        return String.format(Locale.US, "Samsara said there were more %s to read but gave no way to ask for them, "
                + "so RigSync kept the %,d that arrived.", list, itemsKept);
    }
}
