package com.rigsync.sync;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.rigsync.SpringAppTest;
import com.rigsync.apparatus.ApparatusDetails;
import com.rigsync.apparatus.ApparatusService;
import com.rigsync.base.EmbeddedDatabaseAccess;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.testing.Prometheus;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MariaDB stopped and started again while a data manager keeps adding apparatus and pressing "Sync now" and syncs
 * run: the app recovers by itself, every save that was confirmed is there, every save that was not was told to its
 * user (it threw), and the department's sync is not lost: its run ends, its schedule is kept and it syncs again.
 */
@SpringAppTest
class DatabaseRestartTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApparatusService apparatus;
    @Autowired
    SyncService sync;
    @Value("${rigsync.embedded-database.data-dir}")
    String dataDir;

    private SimulatedSamsara samsara;
    private String manager;

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        if (samsara != null) {
            samsara.resetFaults();
        }
        if (manager != null) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                IntegrationTestAccess.removeDepartmentOf(jdbc, manager);
                return true;
            });
        }
    }

    @Test
    void theAppRidesOutADatabaseRestartUnderLoadAndLosesNothingSilently() throws Exception {
        samsara = IntegrationTestAccess.simulator(context).samsara();
        manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        long departmentId = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                manager);
        List<SimulatedVehicle> vehicles = samsara.vehicles().stream()
                .filter(v -> v.hasGateway() && v.reportsObd() && v.vin() != null).limit(3).toList();
        for (SimulatedVehicle v : vehicles) {
            new SyncTestDepartment(departmentId, "restart").apparatus(jdbc, "Linked " + v.id(), v.vin(), v.id());
        }
        // slow answers keep a sync running when the database goes away
        samsara.setResponseDelay(Duration.ofMillis(400));

        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        List<String> refused = new CopyOnWriteArrayList<>();
        List<String> syncNowRefused = new CopyOnWriteArrayList<>();
        AtomicBoolean go = new AtomicBoolean(true);
        AtomicLong slowestSaveMillis = new AtomicLong();
        Thread editor = Thread.ofPlatform().name("editor").start(() -> {
            SignIn.as(users, manager);
            for (int i = 0; go.get(); i++) {
                String unit = "Added " + i;
                long started = System.nanoTime();
                try {
                    ApparatusDetails details = new ApparatusDetails();
                    details.setUnitName(unit);
                    apparatus.save(details);
                    confirmed.add(unit);
                } catch (RuntimeException e) {
                    refused.add(unit);
                }
                slowestSaveMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                if (i % 5 == 0) {
                    try {
                        sync.syncNow();
                    } catch (RuntimeException e) {
                        syncNowRefused.add(e.getClass().getSimpleName());
                    }
                }
                pause(Duration.ofMillis(50));
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from sync_run "
                + "where department_id = ? and outcome = 'RUNNING'", Integer.class, departmentId) == 1);
        EmbeddedDatabaseAccess.stop(dataDir);
        pause(Duration.ofSeconds(3));
        EmbeddedDatabaseAccess.startAgain(dataDir);
        LocalDateTime restarted = LocalDateTime.now(ZoneOffset.UTC);
        // the app recovers by itself: saves are confirmed again, several in a row
        await().atMost(Duration.ofSeconds(60)).until(() -> lastIndex(confirmed) > lastIndex(refused) + 3);
        pause(Duration.ofSeconds(1));
        go.set(false);
        editor.join();

        // a save made while the database was away was either refused to its user or waited for it (the connection
        // pool waits up to 30 s for a connection)
        assertThat(!refused.isEmpty() || slowestSaveMillis.get() >= 2_000)
                .as("the outage met the saves (refused: %s, slowest save %d ms)", refused, slowestSaveMillis.get())
                .isTrue();
        List<String> stored = jdbc.queryForList("select unit_name from apparatus where department_id = ? and "
                + "unit_name like 'Added %'", String.class, departmentId);
        assertThat(stored).as("every confirmed save is stored").containsAll(confirmed);
        assertThat(stored).as("nothing stored that its user was not told about, beyond the refused")
                .allMatch(unit -> confirmed.contains(unit) || refused.contains(unit));

        // the sync is not lost: the run the restart went through ends (none stays "running"), the department's
        // schedule is kept, and "Sync now" works again
        samsara.setResponseDelay(Duration.ZERO);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from sync_run "
                + "where department_id = ? and outcome = 'RUNNING'", Integer.class, departmentId) == 0);
        SignIn.as(users, manager);
        assertThat(sync.syncNow()).isEqualTo(SyncNowOutcome.STARTED);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                jdbc.queryForObject("select count(*) from sync_run where department_id = ? and outcome = 'SUCCEEDED' "
                        + "and started_at > ?", Integer.class, departmentId, restarted) > 0
                        && jdbc.queryForObject("select count(*) from sync_run where department_id = ? and "
                        + "outcome = 'RUNNING'", Integer.class, departmentId) == 0);
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ? and "
                + "task_instance = ?", Integer.class, SyncTask.NAME, String.valueOf(departmentId)))
                .as("the department's sync is still scheduled").isEqualTo(1);
        assertThat(Prometheus.get(port, "/actuator/health/readiness", null, null).body())
                .isEqualTo("{\"status\":\"UP\"}");
    }

    private static int lastIndex(java.util.Collection<String> units) {
        return units.stream().mapToInt(u -> Integer.parseInt(u.substring("Added ".length()))).max().orElse(-1);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
