package com.rigsync.apparatus;

import java.time.Instant;
import java.util.List;

/**
 * The active fault codes of one apparatus as one reading: what the sync writes, what the apparatus page shows.
 *
 * @param summary      the codes in one short line for the grid ("Warning light on. P0128 Coolant ...")
 * @param warningLamps the warning lamps that are on, in words ("Red stop, Check engine (MIL)"), or null when none
 * @param codes        every active code; empty when the vehicle reported none
 * @param readAt       when Samsara took the reading
 */
public record ActiveFaults(String summary, String warningLamps, List<ActiveFaultCode> codes, Instant readAt) {

    public ActiveFaults {
        codes = List.copyOf(codes);
    }
}
