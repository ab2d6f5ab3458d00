package com.rigsync.apparatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.rigsync.SpringAppTest;
import com.rigsync.apparatus.ActiveFaultCode.Source;
import com.rigsync.apparatus.ApparatusSyncWriter.TelemetryUpdate;
import com.rigsync.sync.SyncTestDepartment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many departments' syncs writing fault codes at once, as the scheduler runs them: none may deadlock another (each
 * write is tried once here, with no retry), and every apparatus ends with exactly its own latest codes.
 */
@SpringAppTest
class ConcurrentFaultCodeWritesTest {

    private static final int DEPARTMENTS = 8;
    private static final int APPARATUS = 25;
    private static final int ROUNDS = 6;

    @Autowired
    private ApparatusSyncWriter writer;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    private final List<SyncTestDepartment> departments = new ArrayList<>();

    @AfterEach
    void tearDown() {
        departments.forEach(d -> d.delete(jdbc));
    }

    @Test
    void departmentsWritingFaultCodesAtOnceNeverDeadlockAndEachKeepsItsOwnCodes() throws Exception {
        List<List<Long>> fleets = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS; d++) {
            SyncTestDepartment department = SyncTestDepartment.create(jdbc);
            departments.add(department);
            List<Long> fleet = new ArrayList<>();
            for (int a = 0; a < APPARATUS; a++) {
                fleet.add(department.apparatus(jdbc, "Unit " + a, null, String.valueOf(900_000 + d * 100 + a)));
            }
            fleets.add(fleet);
        }
        TransactionTemplate inOne = new TransactionTemplate(transactions);
        Instant start = Instant.parse("2026-11-30T12:00:00Z");
        ExecutorService threads = Executors.newFixedThreadPool(DEPARTMENTS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Instant at = start.plusSeconds(60L * round);
                int codes = round % 3; // 0, 1 or 2 codes: deletes of nothing, of one, of two
                List<Callable<Integer>> writes = new ArrayList<>();
                for (int d = 0; d < DEPARTMENTS; d++) {
                    long departmentId = departments.get(d).id();
                    List<TelemetryUpdate> updates = fleets.get(d).stream().map(id -> update(id, codes, at)).toList();
                    writes.add(() -> inOne.execute(status -> writer.writeTelemetry(departmentId, updates, at)));
                }
                for (Future<Integer> written : threads.invokeAll(writes)) {
                    assertThat(written.get()).as("every write went through the first time").isEqualTo(APPARATUS);
                }
                for (List<Long> fleet : fleets) {
                    for (long id : fleet) {
                        assertThat(jdbc.queryForList("select code from apparatus_fault_code where apparatus_id = ? "
                                + "order by code", String.class, id)).as("round %d", round)
                                .isEqualTo(expectedCodes(id, codes));
                    }
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static TelemetryUpdate update(long apparatusId, int codes, Instant at) {
        List<ActiveFaultCode> active = new ArrayList<>();
        for (String code : expectedCodes(apparatusId, codes)) {
            active.add(new ActiveFaultCode(Source.OBD_II, code, null, null, null, "confirmed", null, null));
        }
        ActiveFaults faults = new ActiveFaults(active.isEmpty() ? "No active fault codes" : String.join("; ",
                active.stream().map(ActiveFaultCode::code).toList()), null, active, at);
        return new TelemetryUpdate(apparatusId, null, null, null, null, null, null, null, null, null, null, null,
                null, faults, at);
    }

    private static List<String> expectedCodes(long apparatusId, int codes) {
        List<String> expected = new ArrayList<>();
        for (int c = 0; c < codes; c++) {
            expected.add("P0" + c + (apparatusId % 100));
        }
        return expected;
    }
}
