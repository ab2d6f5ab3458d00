package com.rigsync.apparatus;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rigsync.KaribuTest;
import com.rigsync.sync.SyncTestDepartment;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.rigsync.testing.Timings.median;
import static com.rigsync.testing.Timings.p95;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The apparatus page's meter chart for one apparatus with a year of readings every 15 minutes of both meters (35,040
 * each) in the real (embedded) MariaDB: server time from choosing a range to the chart's SVG in the page (the
 * downsampling query, JFreeChart drawing onto JFreeSVG, the component update), the query alone, and the size of the
 * SVG that reaches the browser. Runs only with {@code ./mvnw -Pbench verify}; aims: under 150 ms and 200 KB.
 */
class ApparatusPageBenchmark extends KaribuTest {

    private static final int READINGS_PER_METER = 365 * 96;
    private static final int WARM_UP = 20;
    private static final int ROUNDS = 100;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterReadings meterReadings;

    private SyncTestDepartment department;

    @AfterEach
    void removeDepartment() {
        if (department != null) {
            department.delete(jdbc);
        }
    }

    @Test
    void theChartOfAYearOfReadingsEvery15Minutes() {
        assumeTrue(Boolean.getBoolean("bench.profile"), "benchmarks run only with ./mvnw -Pbench verify");
        department = SyncTestDepartment.create(jdbc);
        long id = department.apparatus(jdbc, "Engine 1", "1FVACYDT27HY12345", "494123");
        long inserting = System.nanoTime();
        insertAYearOfReadings(id);
        double insertSeconds = (System.nanoTime() - inserting) / 1e9;

        signIn(department.user("MEMBER"));
        navigate("apparatus/" + id);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<MeterRange> ranges = _get(RadioButtonGroup.class, spec -> spec.withLabel("Range"));

        System.out.println();
        System.out.println("=== ApparatusPageBenchmark ===");
        System.out.printf(Locale.ROOT, "one apparatus, %,d readings per meter (a year every 15 minutes, 20 odometer "
                + "readings flagged), inserted in %.1f s; %d rounds after %d warm-up%n", READINGS_PER_METER,
                insertSeconds, ROUNDS, WARM_UP);
        for (MeterRange range : List.of(MeterRange.LAST_YEAR, MeterRange.ALL)) {
            List<Double> pageMs = new ArrayList<>();
            List<Double> queryMs = new ArrayList<>();
            String svg = "";
            for (int i = 0; i < WARM_UP + ROUNDS; i++) {
                ranges.setValue(MeterRange.LAST_30_DAYS);
                long start = System.nanoTime();
                ranges.setValue(range);
                long shown = System.nanoTime();
                svg = _get(Svg.class).getElement().getProperty("innerHTML");
                long queryStart = System.nanoTime();
                MeterChartData data = meterReadings.chart(id, range);
                long queried = System.nanoTime();
                if (i >= WARM_UP) {
                    pageMs.add((shown - start) / 1e6);
                    queryMs.add((queried - queryStart) / 1e6);
                }
                assertThat(data.series()).extracting(MeterChartData.Series::readings)
                        .containsOnly((long) READINGS_PER_METER);
            }
            int bytes = svg.getBytes(StandardCharsets.UTF_8).length;
            MeterChartData data = meterReadings.chart(id, range);
            int points = data.series().stream().mapToInt(s -> s.inUse().size() + s.flagged().size()).sum();
            System.out.printf(Locale.ROOT, "%-7s chart in the page: median %.1f ms, p95 %.1f ms (aim < 150 ms); "
                            + "query alone: median %.1f ms, p95 %.1f ms; %,d points drawn; SVG %,d bytes (aim < 200 KB)%n",
                    range.label(), median(pageMs), p95(pageMs), median(queryMs), p95(queryMs), points, bytes);
            assertThat(bytes).isLessThan(200_000);
        }
    }

    private void insertAYearOfReadings(long id) {
        // the first reading a few minutes inside "a year", so every reading is in both ranges
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(365)).plusSeconds(300);
        List<Object[]> rows = new ArrayList<>(2 * READINGS_PER_METER);
        for (int n = 0; n < READINGS_PER_METER; n++) {
            LocalDateTime at = LocalDateTime.ofInstant(start.plus(Duration.ofMinutes(15L * n)), ZoneOffset.UTC);
            boolean flagged = n % (READINGS_PER_METER / 20) == 7;
            rows.add(new Object[] {department.id(), id, "ODOMETER", flagged ? 1_000L : 20_000_000L + n * 400L, at,
                    flagged ? "LOWER_THAN_PREVIOUS" : "NONE"});
            rows.add(new Object[] {department.id(), id, "ENGINE_HOURS", 7_200_000L + n * 180L, at, "NONE"});
        }
        jdbc.batchUpdate("insert into meter_reading (department_id, apparatus_id, kind, meter_value, read_at, "
                + "synced_at, flag) values (?, ?, ?, ?, ?, now(), ?)", rows, 5_000, (ps, row) -> {
            for (int i = 0; i < row.length; i++) {
                ps.setObject(i + 1, row[i]);
            }
        });
    }
}
