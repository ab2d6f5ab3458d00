package com.rigsync.clientsuccess;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.rigsync.SpringAppTest;
import com.rigsync.security.Role;
import com.rigsync.security.SignedInUser;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import static com.rigsync.testing.Timings.median;
import static com.rigsync.testing.Timings.p95;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Client Success Departments grid over 5,000 departments with their integration health (4,000 entitled, 3,000
 * connected, 20 sync runs each) in the real (embedded) MariaDB: server time for one page of 50 rows plus its count,
 * as the grid asks for it, searched, filtered and sorted by last successful sync; and the figures on top. Runs only
 * with {@code ./mvnw -Pbench verify}; prints median and p95 (aim: page+count p95 under 50 ms).
 */
@SpringAppTest
class DepartmentsBenchmark {

    private static final int DEPARTMENTS = 5_000;
    private static final int RUNS_PER_CONNECTED = 20;
    private static final int WARM_UP = 30;
    private static final int ROUNDS = 200;

    @Autowired
    private DepartmentDirectory directory;
    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void onePageOf50Over5000DepartmentsWithTheirHealth() {
        assumeTrue(Boolean.getBoolean("bench.profile"), "benchmarks run only with ./mvnw -Pbench verify");
        seed();
        SignIn.as(new SignedInUser(-1, "bench", "Bench Success", Role.CLIENT_SUCCESS, null, true, null));

        System.out.println();
        System.out.println("=== DepartmentsBenchmark ===");
        System.out.printf(Locale.ROOT, "%d departments, %d sync runs; page 4 of 50 rows, %d rounds after %d warm-up%n",
                jdbc.queryForObject("select count(*) from department", Integer.class),
                jdbc.queryForObject("select count(*) from sync_run", Integer.class), ROUNDS, WARM_UP);
        measure("all, by name", "", DepartmentShown.ALL, DepartmentSort.NAME, false);
        measure("all, last successful sync newest first", "", DepartmentShown.ALL, DepartmentSort.LAST_SUCCESS, true);
        measure("search '12', by name", "12", DepartmentShown.ALL, DepartmentSort.NAME, false);
        measure("needs attention, last successful sync oldest first", "", DepartmentShown.NEEDS_ATTENTION,
                DepartmentSort.LAST_SUCCESS, false);
        measure("not synced for a day, by name", "", DepartmentShown.NOT_SYNCED_FOR_A_DAY, DepartmentSort.NAME, false);
        List<Double> figuresMs = time(() -> directory.figures());
        System.out.printf(Locale.ROOT, "figures on top: median %.2f ms, p95 %.2f ms%n", median(figuresMs),
                p95(figuresMs));
    }

    private void measure(String scenario, String search, DepartmentShown shown, DepartmentSort sort,
                         boolean descending) {
        int[] rows = new int[2];
        List<Double> ms = time(() -> {
            rows[0] = directory.page(search, shown, sort, descending, 150, 50).size();
            rows[1] = directory.count(search, shown);
            return rows;
        });
        System.out.printf(Locale.ROOT, "%s: %d match, %d on the page; page+count median %.2f ms, p95 %.2f ms "
                + "(aim: p95 < 50 ms)%n", scenario, rows[1], rows[0], median(ms), p95(ms));
        assertThat(rows[0]).as(scenario).isPositive();
    }

    private static List<Double> time(Supplier<?> work) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < WARM_UP + ROUNDS; i++) {
            long start = System.nanoTime();
            work.get();
            if (i >= WARM_UP) {
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        return ms;
    }

    /** 5,000 departments: every fifth not entitled, every fourth entitled one off, the rest connected in every health. */
    private void seed() {
        if (jdbc.queryForObject("select count(*) from department where name like 'Bench Department %'",
                Integer.class) >= DEPARTMENTS) {
            return;
        }
        LocalDateTime now = LocalDateTime.now();
        List<Object[]> departments = new ArrayList<>();
        for (int n = 1; n <= DEPARTMENTS; n++) {
            departments.add(new Object[] {String.format(Locale.ROOT, "Bench Department %04d", n), n % 5 != 0,
                    now.minusDays(n % 700)});
        }
        jdbc.batchUpdate("insert into department (name, samsara_entitled, created_at) values (?, ?, ?)", departments);
        List<Long> ids = jdbc.queryForList("select id from department where name like 'Bench Department %' order by id",
                Long.class);
        String[] health = {"OK", "OK", "OK", "NEEDS_ATTENTION", "RECONNECT_NEEDED", "NOT_YET_VERIFIED"};
        List<Object[]> connections = new ArrayList<>();
        List<Object[]> runs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            int n = i + 1;
            if (n % 5 == 0) {
                continue;
            }
            boolean connected = n % 4 != 0;
            connections.add(new Object[] {ids.get(i), connected, connected ? "API_TOKEN" : null,
                    connected ? "v1:bench:not-a-real-secret" : null, health[n % health.length], now});
            if (connected && n % 7 != 0) {
                for (int r = 0; r < RUNS_PER_CONNECTED; r++) {
                    LocalDateTime started = now.minusMinutes(15L * r + n % 3000);
                    runs.add(new Object[] {ids.get(i), started, started.plusSeconds(3),
                            r % 6 == 5 ? "FAILED" : "SUCCEEDED"});
                }
            }
        }
        jdbc.batchUpdate("insert into samsara_connection (department_id, enabled, region, auth_kind, secret_ciphertext,"
                + " health, updated_by, updated_at) values (?, ?, 'simulated', ?, ?, ?, 'bench', ?)", connections);
        jdbc.batchUpdate("insert into sync_run (department_id, trigger_kind, started_at, finished_at, outcome, api_calls)"
                + " values (?, 'SCHEDULED', ?, ?, ?, 4)", runs);
        // what SyncRuns.finish keeps as runs succeed (the same statement as the changelog's backfill)
        jdbc.update("insert into sync_last_success (department_id, finished_at) select department_id, max(finished_at)"
                + " from sync_run where outcome = 'SUCCEEDED' group by department_id"
                + " on duplicate key update finished_at = values(finished_at)");
    }
}
