package com.rigsync.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The figures benchmarks print from their measured rounds. */
public final class Timings {

    private Timings() {
    }

    public static double median(List<Double> values) {
        return percentile(values, 50);
    }

    public static double p95(List<Double> values) {
        return percentile(values, 95);
    }

    /** The nearest-rank percentile of the values. */
    public static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
