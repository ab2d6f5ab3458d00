package com.rigsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.rigsync.SpringAppTest;
import com.rigsync.apparatus.ApparatusSyncWriter;
import com.rigsync.apparatus.MeterHistory;
import com.rigsync.apparatus.SamsaraVehicleList;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.integration.SamsaraConnections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's time budget: whatever Samsara does (answers slowly, asks to come back later), the run gives its scheduler
 * thread back by the end of its budget, ends FAILED or PARTIAL in plain words and keeps the last good values.
 */
@SpringAppTest
class RunTimeBudgetTest {

    private static final Duration BUDGET = Duration.ofSeconds(2);

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SamsaraConnections connections;
    @Autowired
    ApparatusSyncWriter writer;
    @Autowired
    SamsaraVehicleList vehicleList;
    @Autowired
    MeterHistory meters;
    @Autowired
    FeedCursors cursors;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    private SimulatedSamsara samsara;
    private String manager;
    private long departmentId;
    private SamsaraDepartmentSync withBudget;

    @BeforeEach
    void connect() {
        samsara = IntegrationTestAccess.simulator(context).samsara();
        manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        departmentId = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                manager);
        SimulatedVehicle vehicle = samsara.vehicles().stream()
                .filter(v -> v.hasGateway() && v.reportsObd() && v.vin() != null).findFirst().orElseThrow();
        new SyncTestDepartment(departmentId, "budget").apparatus(jdbc, "Engine 1", vehicle.vin(), vehicle.id());
        withBudget = new SamsaraDepartmentSync(connections, writer, vehicleList, meters, cursors, transactions, clock,
                BUDGET);
    }

    @AfterEach
    void cleanUp() {
        samsara.resetFaults();
        IntegrationTestAccess.removeDepartmentOf(jdbc, manager);
    }

    @Test
    void aSamsaraThatNeverAnswersInTimeEndsTheRunWithinItsBudget() {
        // without a budget: three attempts of up to 60 s each
        samsara.setResponseDelay(Duration.ofSeconds(20));

        long started = System.nanoTime();
        SyncResult result = withBudget.run(departmentId, (phase, done, total, counts, calls) -> {
        });
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(BUDGET.plusSeconds(3));
        assertThat(result.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(result.error()).startsWith("Listing the Samsara vehicles failed: Samsara did not answer within "
                + "the sync's time limit (2 seconds).").contains("keep their last good values");
    }

    @Test
    void aRetryAfterLongerThanWhatIsLeftOfTheBudgetIsNotWaitedFor() {
        // a Retry-After of 5 s: the client would wait it out twice
        samsara.rateLimitNextRequests("/fleet/vehicles", 10, "5");

        long started = System.nanoTime();
        SyncResult result = withBudget.run(departmentId, (phase, done, total, counts, calls) -> {
        });
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(BUDGET);
        assertThat(result.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(result.apiCalls()).as("the first request only: no retry fits the budget").isEqualTo(1);
    }
}
