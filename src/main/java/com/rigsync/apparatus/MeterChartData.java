package com.rigsync.apparatus;

import java.time.Instant;
import java.util.List;

/**
 * An apparatus' meter history over a range, downsampled for a chart: a few hundred time buckets, each drawn as the
 * lowest and the highest reading in it, so a year of readings every 15 minutes (35,000 a meter) reaches the chart as
 * at most a thousand points while its shape (and any drop) stays visible.
 *
 * @param from   the start of the range (the first reading, for the whole history)
 * @param to     the end of the range (now, or a later reading's time)
 * @param series one per meter, odometer first; empty when the apparatus has no readings in the range
 */
public record MeterChartData(MeterRange range, Instant from, Instant to, List<Series> series) {

    public MeterChartData {
        series = List.copyOf(series);
    }

    public boolean isEmpty() {
        return series.stream().allMatch(s -> s.readings() == 0);
    }

    /**
     * One meter's readings in the range.
     *
     * @param inUse    the readings in use (or accepted as baseline), downsampled, in time order
     * @param flagged  the readings kept but not used, downsampled, in time order
     * @param readings how many readings the points stand for
     */
    public record Series(MeterKind kind, List<Point> inUse, List<Point> flagged, long readings) {

        public Series {
            inUse = List.copyOf(inUse);
            flagged = List.copyOf(flagged);
        }
    }

    /** @param value meters (odometer) or seconds (engine hours) */
    public record Point(Instant at, long value) {
    }
}
