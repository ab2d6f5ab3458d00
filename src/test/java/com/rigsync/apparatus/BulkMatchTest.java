package com.rigsync.apparatus;

import com.rigsync.testing.SignIn;
import com.rigsync.SpringAppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.integration.IntegrationTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Find Samsara IDs by VIN" in bulk against the simulated Samsara: the preview's verdicts, then Apply or nothing. */
@SpringAppTest
class BulkMatchTest {

    @Autowired
    private ApplicationContext context;
    @Autowired
    private SamsaraLinking service;
    @Autowired
    private CachedSamsaraVehicles cache;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private SimulatedSamsara samsara;
    private ApparatusFixtures fixtures;
    private final List<String> departments = new ArrayList<>();

    @BeforeEach
    void simulator() {
        samsara = IntegrationTestAccess.simulator(context).samsara();
        samsara.resetFleet();
        fixtures = new ApparatusFixtures(jdbc, cache);
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        departments.forEach(username -> IntegrationTestAccess.removeDepartmentOf(jdbc, username));
    }

    @Test
    void thePreviewSortsExactNearNoMatchAndConflictsAndApplyLinksOnlyTheAcceptedRows() {
        String manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        departments.add(manager);
        long department = departmentOf(manager);
        List<SimulatedVehicle> fleet = samsara.vehicles().stream().filter(v -> v.vin() != null).toList();
        long exact = fixtures.insert(department, "Engine 1", fleet.get(0).vin(), null);
        long near = fixtures.insert(department, "Engine 2", oneCharacterOff(fleet.get(1).vin()), null);
        long none = fixtures.insert(department, "Engine 3", ApparatusFixtures.uniqueVin(), null);
        fixtures.insert(department, "Truck 1", ApparatusFixtures.uniqueVin(), fleet.get(2).id());
        long takenVehicle = fixtures.insert(department, "Truck 2", fleet.get(2).vin(), null);
        long twinA = fixtures.insert(department, "Rescue 1", fleet.get(3).vin(), null);
        long twinB = fixtures.insert(department, "Rescue 2", fleet.get(3).vin(), null);
        long noVin = fixtures.insert(department, "Utility 1", null, null);
        signInAs(manager);

        int before = samsara.requestCount();
        BulkMatchPreview preview = service.previewBulkMatch(List.of());
        assertThat(samsara.requestCount()).as("no vehicle list yet: one list page").isEqualTo(before + 1);
        Map<Long, BulkMatchPreview.Row> rows = preview.rows().stream()
                .collect(Collectors.toMap(BulkMatchPreview.Row::apparatusId, Function.identity()));
        assertThat(rows).as("every unlinked apparatus, the linked Truck 1 left out")
                .containsOnlyKeys(exact, near, none, takenVehicle, twinA, twinB, noVin);
        assertThat(rows.get(exact).kind()).isEqualTo(BulkMatchPreview.Kind.EXACT);
        assertThat(rows.get(exact).candidates()).extracting(c -> c.vehicle().samsaraId())
                .containsExactly(fleet.get(0).id());
        assertThat(rows.get(near).kind()).isEqualTo(BulkMatchPreview.Kind.NEAR_MISS);
        assertThat(rows.get(near).candidates()).extracting(c -> c.vehicle().samsaraId()).contains(fleet.get(1).id());
        assertThat(rows.get(none).kind()).isEqualTo(BulkMatchPreview.Kind.NO_MATCH);
        assertThat(rows.get(takenVehicle).kind()).isEqualTo(BulkMatchPreview.Kind.CONFLICT);
        assertThat(rows.get(takenVehicle).note()).contains("already linked to Truck 1");
        assertThat(rows.get(twinA).kind()).isEqualTo(BulkMatchPreview.Kind.CONFLICT);
        assertThat(rows.get(twinB).note()).contains("Rescue 1 and Rescue 2 have the same VIN");
        assertThat(rows.get(noVin).kind()).isEqualTo(BulkMatchPreview.Kind.NO_VIN);
        assertThat(preview.notice()).isNull();

        int afterFirst = samsara.requestCount();
        BulkMatchPreview selection = service.previewBulkMatch(List.of(exact, near));
        assertThat(samsara.requestCount()).as("the list is fresh: Samsara is not asked").isEqualTo(afterFirst);
        assertThat(selection.rows()).extracting(BulkMatchPreview.Row::apparatusId).containsExactly(exact, near);

        assertThat(service.applyBulkMatch(List.of(new BulkMatchPreview.Accepted(exact, fleet.get(0).id()),
                new BulkMatchPreview.Accepted(near, fleet.get(1).id())))).isEqualTo(2);
        assertThat(fixtures.column(exact, "samsara_vehicle_id")).isEqualTo(fleet.get(0).id());
        assertThat(fixtures.column(near, "samsara_vehicle_id")).as("the near miss the person accepted")
                .isEqualTo(fleet.get(1).id());
        assertThat(fixtures.column(none, "samsara_vehicle_id")).isNull();
        assertThat(jdbc.queryForObject("select detail from audit_event where department_id = ? and action = ?",
                String.class, department, "SAMSARA_BULK_LINKED"))
                .contains("Engine 1 → " + fleet.get(0).id()).contains("Engine 2 → " + fleet.get(1).id());
    }

    @Test
    void applyRechecksAndLinksNothingWhenOneRowConflictsNow() {
        String manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        departments.add(manager);
        long department = departmentOf(manager);
        List<SimulatedVehicle> fleet = samsara.vehicles().stream().filter(v -> v.vin() != null).toList();
        long first = fixtures.insert(department, "Engine 1", fleet.get(0).vin(), null);
        long second = fixtures.insert(department, "Engine 2", fleet.get(1).vin(), null);
        signInAs(manager);
        BulkMatchPreview preview = service.previewBulkMatch(List.of());
        assertThat(preview.count(BulkMatchPreview.Kind.EXACT)).isEqualTo(2);

        // meanwhile someone links the second vehicle to another apparatus
        fixtures.insert(department, "Spare 1", ApparatusFixtures.uniqueVin(), fleet.get(1).id());

        assertThatThrownBy(() -> service.applyBulkMatch(List.of(new BulkMatchPreview.Accepted(first,
                fleet.get(0).id()), new BulkMatchPreview.Accepted(second, fleet.get(1).id()))))
                .isInstanceOf(ApparatusRefusedException.class)
                .hasMessageContaining("Nothing was linked")
                .hasMessageContaining("Engine 2: vehicle " + fleet.get(1).id() + " is already linked to Spare 1");
        assertThat(fixtures.column(first, "samsara_vehicle_id")).as("all or nothing").isNull();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where department_id = ? and action = ?",
                Integer.class, department, "SAMSARA_BULK_LINKED")).isZero();
    }

    @Test
    void membersMayNotMatchOrApply() {
        signInAs("member");
        assertThatThrownBy(() -> service.previewBulkMatch(List.of())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.applyBulkMatch(List.of(new BulkMatchPreview.Accepted(1, "1"))))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** The VIN with its last character changed to another digit: one character different. */
    private static String oneCharacterOff(String vin) {
        char last = vin.charAt(vin.length() - 1);
        char other = last == '7' ? '8' : '7';
        return vin.substring(0, vin.length() - 1) + other;
    }

    private long departmentOf(String username) {
        return jdbc.queryForObject("select department_id from app_user where username = ?", Long.class, username);
    }

    private void signInAs(String username) {
        SignIn.as(users, username);
    }
}
