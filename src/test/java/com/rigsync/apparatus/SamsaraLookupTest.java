package com.rigsync.apparatus;

import com.rigsync.testing.SignIn;
import com.rigsync.SpringAppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.integration.SamsaraOrganisationChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The Samsara-backed vehicle lookup against the simulated Samsara: refresh when stale, live ID checks, failures. */
@SpringAppTest
class SamsaraLookupTest {

    @Autowired
    private ApplicationContext context;
    @Autowired
    private SamsaraLinking service;
    @Autowired
    private SamsaraVehicleLookup lookup;
    @Autowired
    private CachedSamsaraVehicles cache;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private PlatformTransactionManager transactions;

    private SimulatedSamsara samsara;
    private final List<String> departments = new ArrayList<>();

    @BeforeEach
    void simulator() {
        samsara = IntegrationTestAccess.simulator(context).samsara();
        samsara.resetFleet();
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        samsara.resetFaults();
        samsara.resetFleet();
        departments.forEach(username -> IntegrationTestAccess.removeDepartmentOf(jdbc, username));
    }

    @Test
    void aStaleListIsRefreshedFromSamsaraWithTheTagFilterThenAFreshOneIsReadWithoutAsking() {
        String manager = connected(List.of(SimulatedFleet.STATION_1.id()));
        long departmentId = departmentOf(manager);
        cache.upsert(departmentId, List.of(new CachedSamsaraVehicle("424242", "Sold Engine", "9XT00000000000001",
                null, null, null, null, List.of(), null)));
        makeStale(departmentId);
        List<SimulatedVehicle> station1 = samsara.vehicles().stream()
                .filter(v -> v.tags().stream().anyMatch(t -> t.id().equals(SimulatedFleet.STATION_1.id())))
                .toList();
        SimulatedVehicle engine = station1.getFirst();
        signInAs(manager);

        int before = samsara.requestCount();
        SamsaraIdLookup found = service.findSamsaraVehicleByVin(engine.vin().toLowerCase(), null);
        assertThat(found.outcome()).isEqualTo(SamsaraIdLookup.Outcome.FOUND);
        assertThat(found.samsaraId()).isEqualTo(engine.id());
        assertThat(samsara.requestCount()).as("one page of vehicles").isEqualTo(before + 1);
        assertThat(cache.ids(departmentId)).as("only the tagged vehicles; the sold one is gone")
                .isEqualTo(station1.stream().map(SimulatedVehicle::id).collect(Collectors.toSet()));
        assertThat(connectionColumn(departmentId, "last_used_at")).isNotNull();

        int afterRefresh = samsara.requestCount();
        assertThat(service.findSamsaraVehicleByVin(station1.getLast().vin(), null).outcome())
                .isEqualTo(SamsaraIdLookup.Outcome.FOUND);
        assertThat(samsara.requestCount()).as("the list is fresh: Samsara is not asked").isEqualTo(afterRefresh);
    }

    @Test
    void aTypedSamsaraIdIsCheckedLiveAndUnverifiedWhenSamsaraIsUnreachable() {
        String manager = connected(List.of());
        SimulatedVehicle vehicle = samsara.vehicles().getFirst();
        signInAs(manager);

        SamsaraIdCheck found = lookup.checkSamsaraId(vehicle.id());
        assertThat(found.verdict()).isEqualTo(SamsaraIdCheck.Verdict.FOUND);
        assertThat(found.vehicle().vin()).isEqualTo(vehicle.vin());
        SamsaraIdCheck missing = lookup.checkSamsaraId("123");
        assertThat(missing.verdict()).isEqualTo(SamsaraIdCheck.Verdict.NOT_FOUND);
        assertThat(missing.message()).startsWith("Samsara has no vehicle with the ID 123.");

        IntegrationTestAccess.makeSamsaraUnreachableFor(jdbc, manager);
        SamsaraIdCheck unchecked = lookup.checkSamsaraId(vehicle.id());
        assertThat(unchecked.verdict()).isEqualTo(SamsaraIdCheck.Verdict.UNVERIFIED);
        assertThat(unchecked.message()).contains("saved unchecked");
        assertThat(connectionColumn(departmentOf(manager), "health")).as("a network failure says nothing of the token")
                .isNotEqualTo("NEEDS_ATTENTION");
    }

    @Test
    void aRejectedTokenMarksTheConnectionAsNeedingAttentionAndTheIdIsSavedUnchecked() {
        String manager = connected(List.of());
        signInAs(manager);
        samsara.failNextRequests(1, 401);

        SamsaraIdCheck check = lookup.checkSamsaraId(samsara.vehicles().getFirst().id());
        assertThat(check.verdict()).isEqualTo(SamsaraIdCheck.Verdict.UNVERIFIED);
        assertThat(connectionColumn(departmentOf(manager), "health")).isEqualTo("NEEDS_ATTENTION");
    }

    @Test
    void whenSamsaraIsUnreachableTheKeptListAnswersAndTheMessageSaysSo() {
        String manager = connected(List.of());
        long departmentId = departmentOf(manager);
        SimulatedVehicle vehicle = samsara.vehicles().getFirst();
        cache.upsert(departmentId, List.of(new CachedSamsaraVehicle(vehicle.id(), vehicle.name(), vehicle.vin(),
                null, null, null, null, List.of(), null)));
        makeStale(departmentId);
        IntegrationTestAccess.makeSamsaraUnreachableFor(jdbc, manager);
        signInAs(manager);

        SamsaraIdLookup answer = service.findSamsaraVehicleByVin(vehicle.vin(), null);
        assertThat(answer.outcome()).isEqualTo(SamsaraIdLookup.Outcome.FOUND);
        assertThat(answer.message()).contains("vehicle list RigSync kept from before");
    }

    @Test
    void withoutAUsableConnectionTheAnswerSaysSamsaraIsNotConnected() {
        String manager = connected(List.of());
        IntegrationTestAccess.disableSamsaraFor(jdbc, manager);
        signInAs(manager);
        int before = samsara.requestCount();

        SamsaraIdLookup answer = service.findSamsaraVehicleByVin(samsara.vehicles().getFirst().vin(), null);
        assertThat(answer.outcome()).isEqualTo(SamsaraIdLookup.Outcome.NOT_FOUND);
        assertThat(answer.message()).contains("RigSync has no list of your Samsara vehicles yet")
                .contains("Samsara is not connected for your department");
        assertThat(lookup.checkSamsaraId("281474976710001").verdict()).isEqualTo(SamsaraIdCheck.Verdict.UNVERIFIED);
        assertThat(samsara.requestCount()).isEqualTo(before);
    }

    @Test
    void anotherOrganisationClearsTheCacheAndFlagsLinksOnlyOnceTheSavingTransactionCommitted() {
        String manager = connected(List.of());
        long departmentId = departmentOf(manager);
        ApparatusFixtures fixtures = new ApparatusFixtures(jdbc, cache);
        String samsaraId = ApparatusFixtures.uniqueSamsaraId();
        long linked = fixtures.insert(departmentId, ApparatusFixtures.uniqueUnit("Org Engine"),
                ApparatusFixtures.uniqueVin(), samsaraId);
        long unlinked = fixtures.insert(departmentId, ApparatusFixtures.uniqueUnit("Org Brush"),
                ApparatusFixtures.uniqueVin(), null);
        cache.upsert(departmentId, List.of(new CachedSamsaraVehicle(samsaraId, "Engine", null, null, null, null,
                null, List.of(), null)));
        TransactionTemplate saving = new TransactionTemplate(transactions);

        try {
            saving.executeWithoutResult(status -> {
                events.publishEvent(new SamsaraOrganisationChanged(departmentId, "11235813", "99999"));
                throw new IllegalStateException("the save failed");
            });
        } catch (IllegalStateException expected) {
            // the save rolled back: nothing changes
        }
        assertThat(cache.ids(departmentId)).containsExactly(samsaraId);
        assertThat(fixtures.column(linked, "link_flag")).isEqualTo("NONE");

        saving.executeWithoutResult(status ->
                events.publishEvent(new SamsaraOrganisationChanged(departmentId, "11235813", "99999")));
        assertThat(cache.ids(departmentId)).isEmpty();
        assertThat(fixtures.column(linked, "link_flag")).isEqualTo("REVIEW_ORGANISATION_CHANGED");
        assertThat(fixtures.column(linked, "samsara_vehicle_id")).as("flagged, not dropped").isEqualTo(samsaraId);
        assertThat(fixtures.column(unlinked, "link_flag")).isEqualTo("NONE");
    }

    private String connected(List<String> tagIds) {
        String manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, tagIds);
        departments.add(manager);
        return manager;
    }

    private long departmentOf(String username) {
        return jdbc.queryForObject("select department_id from app_user where username = ?", Long.class, username);
    }

    private void makeStale(long departmentId) {
        jdbc.update("update samsara_vehicle set refreshed_at = timestampadd(MINUTE, -11, utc_timestamp(6)) "
                + "where department_id = ?", departmentId);
    }

    private Object connectionColumn(long departmentId, String column) {
        return jdbc.queryForObject("select " + column + " from samsara_connection where department_id = ?",
                Object.class, departmentId);
    }

    private void signInAs(String username) {
        SignIn.as(users, username);
    }
}
