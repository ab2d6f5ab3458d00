package com.rigsync.sync;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import com.rigsync.SpringAppTest;
import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedSamsaraServer;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.integration.IntegrationTestAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which way a run reads stats: with few apparatus linked in a large organisation, the linked ids in one URL per
 * group of types beat reading every page of vehicles.
 */
@SpringAppTest
class SyncStatsPlanTest {

    private static SimulatedSamsaraServer server;

    @Autowired
    private SamsaraDepartmentSync sync;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;

    private Long departmentId;

    @BeforeAll
    static void startALargeOrganisation() {
        SimulatedSamsara samsara = new SimulatedSamsara(Clock.fixed(SimulatedSamsaraServer.DEFAULT_START,
                ZoneOffset.UTC), SimulatedSamsara.DEFAULT_PAGE_SIZE, SimulatedSamsara.DEFAULT_REDIRECT_URI,
                SimulatedFleet.withVehicles(1_100), System::nanoTime);
        samsara.setRateLimitsEnabled(false);
        server = SimulatedSamsaraServer.start(samsara);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void cleanUp() {
        if (departmentId != null) {
            SyncTestDepartment.delete(jdbc, departmentId);
        }
    }

    @Test
    void fewLinkedVehiclesOfALargeFleetAreReadByIdInOneCallPerGroup() {
        String manager = IntegrationTestAccess.departmentConnectedTo(context, jdbc, "test-sync-1100",
                server.baseUrl(), List.of());
        departmentId = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                manager);
        List<SimulatedVehicle> fleet = server.samsara().vehicles().stream().filter(SimulatedVehicle::hasGateway)
                .toList();
        for (int i = 0; i < 5; i++) {
            SimulatedVehicle v = fleet.get(fleet.size() - 1 - i * 200);
            jdbc.update("insert into apparatus (department_id, unit_name, type, status, vin, vin_normalized, "
                    + "samsara_vehicle_id) values (?, ?, 'ENGINE', 'IN_SERVICE', ?, ?, ?)", departmentId,
                    "Unit " + i, v.vin(), v.vin(), v.id());
        }
        int statsBefore = server.samsara().requestCount("/fleet/vehicles/stats");

        SyncResult result = sync.run(departmentId, (phase, done, total, soFar, calls) -> { });

        assertThat(result.outcome()).as(result.error()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(result.counts().vehiclesListed()).isEqualTo(1_100);
        assertThat(result.counts().apparatusUpdated()).isEqualTo(5);
        assertThat(server.samsara().requestCount("/fleet/vehicles/stats") - statsBefore)
                .as("one call per group of types, not three pages each").isEqualTo(3);
        assertThat(result.apiCalls()).as("3 list pages + 3 stats calls").isEqualTo(6);
    }
}
