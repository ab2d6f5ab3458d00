package com.rigsync.apparatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.rigsync.SpringAppTest;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.integration.IntegrationTestAccess.TestDepartment;
import com.rigsync.testing.SignIn;
import com.rigsync.testing.Timings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * "Edit selected" over all 5,000 apparatus that match a filter: preview and apply wall times (aim: under 2 s each)
 * and the statements MariaDB received for each (batched: a handful, not one per apparatus). Five rounds, each
 * alternating the station so every round changes all 5,000. Runs only with {@code ./mvnw -Pbench verify}.
 */
@SpringAppTest
class BulkEditBenchmark {

    private static final int SIZE = 5_000;
    private static final int ROUNDS = 5;

    @Autowired
    private BulkEditService bulk;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void editSelected5000Apparatus() {
        assumeTrue(Boolean.getBoolean("bench.profile"), "benchmarks run only with ./mvnw -Pbench verify");
        TestDepartment department = IntegrationTestAccess.unconnectedDepartment(jdbc, false);
        try {
            List<Object[]> rows = new ArrayList<>();
            for (int n = 0; n < SIZE; n++) {
                rows.add(new Object[] {department.id(), "Bench Engine " + n});
            }
            jdbc.batchUpdate("insert into apparatus (department_id, unit_name, type, station, status, link_flag, "
                    + "version) values (?, ?, 'ENGINE', 'Station 1', 'IN_SERVICE', 'NONE', 0)", rows);
            SignIn.as(users, department.manager());
            ApparatusFilter all = ApparatusFilter.none().withText("Bench Engine");

            List<Double> previewMs = new ArrayList<>();
            List<Double> applyMs = new ArrayList<>();
            long previewStatements = 0;
            long applyStatements = 0;
            for (int round = 0; round < ROUNDS; round++) {
                BulkChange change = new BulkChange(Set.of(BulkField.STATION, BulkField.MAKE), "Station "
                        + (round % 2 + 2), null, null, null, null, "Pierce " + round, null);
                long before = statements();
                long start = System.nanoTime();
                BulkEditPreview preview = bulk.preview(BulkSelection.matching(all), change);
                previewMs.add((System.nanoTime() - start) / 1e6);
                long afterPreview = statements();
                start = System.nanoTime();
                BulkEditReceipt receipt = bulk.apply(preview);
                applyMs.add((System.nanoTime() - start) / 1e6);
                long afterApply = statements();
                // the two status reads are themselves statements: not counted
                previewStatements = afterPreview - before - 1;
                applyStatements = afterApply - afterPreview - 1;
                assertThat(preview.changes()).hasSize(SIZE);
                assertThat(receipt.changed()).isEqualTo(SIZE);
            }
            assertThat(jdbc.queryForObject("select count(*) from audit_event where department_id = ? and action = "
                    + "'APPARATUS_BULK_CHANGED'", Integer.class, department.id())).isEqualTo(SIZE * ROUNDS);

            System.out.println();
            System.out.println("=== BulkEditBenchmark ===");
            System.out.printf(Locale.ROOT, "Edit selected, all %d apparatus matching a filter, %d rounds (station and "
                    + "make set on every one)%n", SIZE, ROUNDS);
            System.out.printf(Locale.ROOT, "preview: median %.0f ms, p95 %.0f ms (aim < 2000); %d statements%n",
                    Timings.median(previewMs), Timings.p95(previewMs), previewStatements);
            System.out.printf(Locale.ROOT, "apply  : median %.0f ms, p95 %.0f ms (aim < 2000); %d statements "
                    + "(reads, batched updates and audit inserts, all in one transaction)%n",
                    Timings.median(applyMs), Timings.p95(applyMs), applyStatements);
        } finally {
            SecurityContextHolder.clearContext();
            IntegrationTestAccess.removeDepartment(jdbc, department);
        }
    }

    /** What MariaDB counts as statements from clients ("Questions"), on every connection: background polls included. */
    private long statements() {
        return jdbc.queryForObject("show global status like 'Questions'", (rs, n) -> rs.getLong(2));
    }
}
