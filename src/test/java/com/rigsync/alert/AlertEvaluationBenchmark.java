package com.rigsync.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rigsync.SpringAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.rigsync.testing.Timings.percentile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What alert evaluation adds after a sync of 2,000 apparatus (80 fault codes with a lamp, 65 silent, 20 flagged, a
 * dozen people): the first evaluation opens every alert and writes its mails; the following ones find nothing new,
 * which is what a run after an ordinary sync costs. Runs only with {@code ./mvnw -Pbench verify} (aim < 50 ms).
 */
@SpringAppTest
class AlertEvaluationBenchmark {

    private static final int APPARATUS = 2_000;
    private static final int WARM_UP = 20;
    private static final int ROUNDS = 100;

    @Autowired
    private AlertEvaluation evaluation;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void evaluationAfterASyncOf2000Apparatus() {
        assumeTrue(Boolean.getBoolean("bench.profile"), "benchmarks run only with ./mvnw -Pbench verify");
        long department = benchmarkDepartment();
        jdbc.update("delete from alert_mail where alert_id in (select id from alert where department_id = ?)",
                department);
        jdbc.update("delete from alert where department_id = ?", department);

        long start = System.nanoTime();
        AlertEvaluation.Changes first = evaluation.evaluate(department);
        double firstMs = (System.nanoTime() - start) / 1e6;
        int mails = jdbc.queryForObject("select count(*) from alert_mail m join alert a on a.id = m.alert_id "
                + "where a.department_id = ?", Integer.class, department);

        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < WARM_UP + ROUNDS; i++) {
            long t = System.nanoTime();
            AlertEvaluation.Changes none = evaluation.evaluate(department);
            if (i >= WARM_UP) {
                ms.add((System.nanoTime() - t) / 1e6);
            }
            assertThat(none.opened() + none.resolved()).isZero();
        }
        System.out.println();
        System.out.println("=== AlertEvaluationBenchmark ===");
        System.out.printf(Locale.ROOT, "%d apparatus: first evaluation opened %d alerts and wrote %d mails in %.1f ms%n",
                APPARATUS, first.opened(), mails, firstMs);
        System.out.printf(Locale.ROOT, "unchanged fleet, %d rounds after %d warm-up: median %.2f ms, p95 %.2f ms "
                + "(aim < 50 ms)%n", ROUNDS, WARM_UP, percentile(ms, 50), percentile(ms, 95));
        // the stand-in secret is no real ciphertext: the key rotation test reads every stored secret
        jdbc.update("update samsara_connection set auth_kind = null, secret_ciphertext = null, "
                + "health = 'NOT_CONNECTED' where secret_ciphertext = 'x'");
        assertThat(first.opened()).isGreaterThan(100);
    }

    private long benchmarkDepartment() {
        jdbc.update("insert ignore into department (name, samsara_entitled, created_at) "
                + "values ('Alert Benchmark District', true, now())");
        long department = jdbc.queryForObject("select id from department where name = 'Alert Benchmark District'",
                Long.class);
        jdbc.update("""
                insert into samsara_connection (department_id, enabled, region, auth_kind, secret_ciphertext,
                    health, updated_by, updated_at) values (?, true, 'US', 'API_TOKEN', 'x', 'OK', 'bench', now())
                on duplicate key update auth_kind = 'API_TOKEN', secret_ciphertext = 'x', health = 'OK'""",
                department);
        for (int i = 0; i < 12; i++) {
            jdbc.update("insert ignore into app_user (department_id, username, display_name, password_hash, role, "
                    + "created_at, email) values (?, ?, ?, 'x', ?, now(), ?)", department, "alert-bench-" + i,
                    "Bench " + i, i < 3 ? "ADMINISTRATOR" : i < 6 ? "DATA_MANAGER" : "MEMBER",
                    "alert-bench-" + i + "@example.org");
        }
        Integer existing = jdbc.queryForObject("select count(*) from apparatus where department_id = ?", Integer.class,
                department);
        if (existing < APPARATUS) {
            List<Object[]> batch = new ArrayList<>();
            for (int n = existing + 1; n <= APPARATUS; n++) {
                batch.add(new Object[] {department, "Unit " + n, Long.toString(500_000_000_000L + n),
                        n % 100 == 0 ? "REVIEW_VIN_MISMATCH" : "NONE"});
            }
            jdbc.batchUpdate("insert into apparatus (department_id, unit_name, type, status, samsara_vehicle_id, "
                    + "link_flag, version) values (?, ?, 'ENGINE', 'IN_SERVICE', ?, ?, 0)", batch);
            jdbc.update("""
                    insert into apparatus_telemetry (apparatus_id, active_fault_count, warning_lamps, read_at, synced_at)
                    select id, case when mod(id, 25) = 0 then 1 else 0 end,
                        case when mod(id, 25) = 0 then 'Check engine (MIL)' end,
                        case when mod(id, 31) = 0 then now() - interval 3 day else now() end, now()
                    from apparatus where department_id = ?""", department);
            jdbc.update("""
                    insert into apparatus_fault_code (apparatus_id, source, code, lamps, read_at)
                    select id, 'OBD_II', 'P0420', 'Check engine (MIL)', now()
                    from apparatus where department_id = ? and mod(id, 25) = 0""", department);
        }
        return department;
    }
}
