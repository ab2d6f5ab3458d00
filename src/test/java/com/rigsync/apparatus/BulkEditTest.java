package com.rigsync.apparatus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.rigsync.SpringAppTest;
import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.integration.IntegrationTestAccess.TestDepartment;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Edit selected" as a data manager meets it: preview, refusals, all-or-none apply, audit, undo, limits, roles. */
@SpringAppTest
class BulkEditTest {

    @Autowired
    private BulkEditService bulk;
    @Autowired
    private ApparatusService apparatus;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private AuditService audit;
    @Autowired
    private CachedSamsaraVehicles vehicleCache;

    private ApparatusFixtures fixtures;
    private TestDepartment department;

    @BeforeEach
    void department() {
        fixtures = new ApparatusFixtures(jdbc, vehicleCache);
        department = IntegrationTestAccess.unconnectedDepartment(jdbc, false);
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        IntegrationTestAccess.removeDepartment(jdbc, department);
    }

    private static BulkChange moveTo(String station) {
        return new BulkChange(Set.of(BulkField.STATION), station, null, null, null, null, null, null);
    }

    private static BulkChange outOfService(String reason) {
        return new BulkChange(Set.of(BulkField.STATUS), null, ApparatusStatus.OUT_OF_SERVICE, reason, null, null, null,
                null);
    }

    private BulkSelection picked(long... ids) {
        List<BulkSelection.Picked> picked = new ArrayList<>();
        for (long id : ids) {
            picked.add(new BulkSelection.Picked(id, jdbc.queryForObject("select version from apparatus where id = ?",
                    Long.class, id), fixtures.column(id, "unit_name")));
        }
        return BulkSelection.of(picked);
    }

    @Test
    void previewCountsTheChangesAndApplyWritesThemWithAnAuditEntryEach() {
        long engine = fixtures.insert(department.id(), "Engine 31", null, null);
        long ladder = fixtures.insert(department.id(), "Ladder 31", null, null);
        long tanker = fixtures.insert(department.id(), "Tanker 31", null, null);
        jdbc.update("update apparatus set station = 'Station 4' where id = ?", tanker);
        SignIn.as(users, department.manager());

        BulkEditPreview preview = bulk.preview(picked(engine, ladder, tanker), moveTo(" Station 4 "));
        assertThat(preview.changes()).extracting(BulkEditPreview.Planned::unitName)
                .containsExactly("Engine 31", "Ladder 31");
        assertThat(preview.changes().getFirst().what()).isEqualTo("Station: Station 9 → Station 4");
        assertThat(preview.unchanged()).isEqualTo(1);
        assertThat(preview.refused()).isEmpty();
        // nothing is written by a preview
        assertThat(fixtures.column(engine, "station")).isEqualTo("Station 9");

        BulkEditReceipt receipt = bulk.apply(preview);

        assertThat(receipt.changed()).isEqualTo(2);
        assertThat(fixtures.column(engine, "station")).isEqualTo("Station 4");
        assertThat(fixtures.column(ladder, "station")).isEqualTo("Station 4");
        assertThat(fixtures.column(engine, "updated_by")).isNotEqualTo("Test Setup");
        assertThat(jdbc.queryForList("select detail from audit_event where apparatus_id = ? and action = ?",
                String.class, engine, "APPARATUS_BULK_CHANGED")).containsExactly("Station: Station 9 → Station 4");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where apparatus_id = ?", Integer.class,
                tanker)).isZero();
    }

    @Test
    void mixedSelectionsAreShownInThePreviewAndNeverHalfApplied() {
        long inService = fixtures.insert(department.id(), "Engine 41", null, null);
        long outAlready = fixtures.insert(department.id(), "Engine 42", null, null);
        jdbc.update("update apparatus set status = 'OUT_OF_SERVICE', status_reason = 'pump' where id = ?", outAlready);
        long deleted = fixtures.insert(department.id(), "Engine 43", null, null);
        long changed = fixtures.insert(department.id(), "Engine 44", null, null);
        SignIn.as(users, department.manager());
        BulkSelection selection = picked(inService, outAlready, deleted, changed);
        jdbc.update("delete from apparatus where id = ?", deleted);
        jdbc.update("update apparatus set version = version + 1, updated_by = 'Pat Rivera' where id = ?", changed);

        BulkEditPreview preview = bulk.preview(selection, outOfService(""));

        // out of service without a reason: only the one that has a reason already can take it
        assertThat(preview.changes()).isEmpty();
        assertThat(preview.unchanged()).isEqualTo(1);
        assertThat(preview.refused()).extracting(r -> r.unitName() + ": " + r.why()).containsExactly(
                "Engine 41: out of service needs a reason, and it has none yet: give a reason in the change",
                "Engine 43: deleted by someone meanwhile",
                "Engine 44: changed by Pat Rivera meanwhile; select it again to see their change");

        BulkEditPreview withReason = bulk.preview(picked(inService, outAlready, changed), outOfService("recall 24-117"));
        assertThat(withReason.changes()).hasSize(3);
        // someone saves one of them between preview and apply: nothing at all is written
        jdbc.update("update apparatus set version = version + 1, updated_by = 'Sam Okafor' where id = ?", inService);
        assertThatThrownBy(() -> bulk.apply(withReason)).isInstanceOf(ApparatusRefusedException.class)
                .hasMessage("Nothing was changed: Engine 41 was changed by Sam Okafor meanwhile. Preview again to "
                        + "see how things stand now.");
        assertThat(fixtures.column(outAlready, "status_reason")).isEqualTo("pump");
        assertThat(fixtures.column(changed, "status")).isEqualTo("IN_SERVICE");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where department_id = ? and action = ?",
                Integer.class, department.id(), "APPARATUS_BULK_CHANGED")).isZero();
    }

    @Test
    void allThatMatchTheFilterIncludesRowsNotOnScreenAndAValueOutOfRangeIsRefused() {
        for (int n = 1; n <= 120; n++) {
            fixtures.insert(department.id(), "Medic " + n, null, null);
        }
        fixtures.insert(department.id(), "Engine 77", null, null);
        SignIn.as(users, department.manager());
        ApparatusFilter medics = ApparatusFilter.none().withText("Medic");

        BulkChange fix = new BulkChange(Set.of(BulkField.MAKE, BulkField.MODEL, BulkField.MODEL_YEAR, BulkField.TYPE),
                null, null, null, ApparatusType.AMBULANCE, "Braun", "Express", 2022);
        BulkEditPreview preview = bulk.preview(BulkSelection.matching(medics), fix);
        assertThat(preview.changes()).hasSize(120);
        bulk.apply(preview);

        assertThat(jdbc.queryForObject("select count(*) from apparatus where department_id = ? and make = 'Braun' "
                + "and model = 'Express' and model_year = 2022 and type = 'AMBULANCE'", Integer.class,
                department.id())).isEqualTo(120);
        assertThat(jdbc.queryForObject("select make from apparatus where department_id = ? and unit_name = "
                + "'Engine 77'", String.class, department.id())).isNull();
        assertThatThrownBy(() -> bulk.preview(BulkSelection.matching(medics), new BulkChange(
                Set.of(BulkField.MODEL_YEAR), null, null, null, null, null, null, 1850)))
                .isInstanceOf(ApparatusRefusedException.class).hasMessageStartingWith("Enter a model year from 1900");
    }

    @Test
    void moreThanTenThousandApparatusAreRefusedWithTheReason() {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n <= BulkEditService.MAX_APPARATUS; n++) {
            rows.add(new Object[] {department.id(), "Bulk " + n});
        }
        jdbc.batchUpdate("insert into apparatus (department_id, unit_name, type, status, link_flag, version) "
                + "values (?, ?, 'ENGINE', 'IN_SERVICE', 'NONE', 0)", rows);
        SignIn.as(users, department.manager());

        assertThatThrownBy(() -> bulk.preview(BulkSelection.matching(ApparatusFilter.none()), moveTo("Station 2")))
                .isInstanceOf(ApparatusRefusedException.class)
                .hasMessage("That is 10,001 apparatus; one bulk change covers at most 10,000. Narrow the filter (by "
                        + "station, type or status) and change them in parts.");
        assertThat(jdbc.queryForObject("select count(*) from apparatus where department_id = ? and station is not "
                + "null", Integer.class, department.id())).isZero();
    }

    @Test
    void undoPutsBackOnesOwnLastChangeUnlessSomeoneChangedThoseApparatusSince() {
        long one = fixtures.insert(department.id(), "Brush 51", null, null);
        long two = fixtures.insert(department.id(), "Brush 52", null, null);
        SignIn.as(users, department.manager());
        BulkEditReceipt receipt = bulk.apply(bulk.preview(picked(one, two), outOfService("recall")));
        assertThat(fixtures.column(one, "status")).isEqualTo("OUT_OF_SERVICE");

        // someone else may not undo it
        SignIn.as(users, department.admin());
        assertThatThrownBy(() -> bulk.undo(receipt)).isInstanceOf(ApparatusRefusedException.class)
                .hasMessage("Only the person who made a bulk change can undo it.");

        SignIn.as(users, department.manager());
        assertThat(bulk.undo(receipt)).isEqualTo(2);
        assertThat(fixtures.column(one, "status")).isEqualTo("IN_SERVICE");
        assertThat(fixtures.column(two, "status_reason")).isNull();
        assertThat(jdbc.queryForList("select detail from audit_event where apparatus_id = ? and action = ?",
                String.class, two, "APPARATUS_BULK_UNDONE"))
                .containsExactly("Status: Out of service (recall) → In service");

        BulkEditReceipt again = bulk.apply(bulk.preview(picked(one, two), moveTo("Station 7")));
        SignIn.as(users, department.admin());
        ApparatusDetails edited = apparatus.details(two);
        edited.setPlate("FD 52");
        apparatus.save(edited);
        SignIn.as(users, department.manager());
        String admin = jdbc.queryForObject("select updated_by from apparatus where id = ?", String.class, two);
        assertThatThrownBy(() -> bulk.undo(again)).isInstanceOf(ApparatusRefusedException.class)
                .hasMessage("Nothing was undone: Brush 52 was changed by " + admin + " since. Change those "
                        + "apparatus by hand if still needed.");
        assertThat(fixtures.column(one, "station")).isEqualTo("Station 7");
    }

    @Test
    void theAuditLogExportCarriesEachChangedApparatusWithItsOldAndNewValues() {
        long engine = fixtures.insert(department.id(), "Engine 91", null, null);
        SignIn.as(users, department.manager());
        bulk.apply(bulk.preview(picked(engine), moveTo("Station 3")));
        assertThatThrownBy(() -> audit.departmentLogCsv(null, null)).as("administrators only")
                .isInstanceOf(AccessDeniedException.class);

        SignIn.as(users, department.admin());
        String csv = new String(audit.departmentLogCsv(AuditAction.APPARATUS_BULK_CHANGED, null),
                StandardCharsets.UTF_8);

        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("When (UTC),Who,What,Target,Apparatus number,Detail");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).endsWith("," + department.manager()
                + ",Apparatus changed in bulk,Engine 91," + engine + ",Station: Station 9 → Station 3");
    }

    @Test
    void membersAreRefusedByTheServerWhateverTheySend() {
        long id = fixtures.insert(fixtures.springfield(), ApparatusFixtures.uniqueUnit("Member Target"), null, null);
        SignIn.as(users, "manager");
        BulkEditPreview preview = bulk.preview(picked(id), moveTo("Station 3"));
        BulkEditReceipt receipt = bulk.apply(bulk.preview(picked(id), moveTo("Station 2")));
        BulkEditPreview later = bulk.preview(picked(id), moveTo("Station 3"));

        SignIn.as(users, "member");
        assertThatThrownBy(() -> bulk.preview(picked(id), moveTo("Station 1")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bulk.apply(later)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bulk.undo(receipt)).isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.column(id, "station")).isEqualTo("Station 2");
        assertThat(preview.changes()).hasSize(1);
        jdbc.update("delete from apparatus where id = ?", id);
    }

    @Test
    void anotherDepartmentsApparatusReadLikeDeletedOnes() {
        long springfield = fixtures.insert(fixtures.springfield(), ApparatusFixtures.uniqueUnit("Not Yours"), null,
                null);
        SignIn.as(users, department.manager());
        BulkEditPreview preview = bulk.preview(BulkSelection.of(List.of(new BulkSelection.Picked(springfield, 0,
                "Not Yours"))), moveTo("Station 1"));
        assertThat(preview.refused()).extracting(BulkEditPreview.Refused::why)
                .containsExactly("deleted by someone meanwhile");
        BulkEditPreview forged = new BulkEditPreview(moveTo("Station 1"), List.of(new BulkEditPreview.Planned(
                springfield, 0, "Not Yours", "")), List.of(), 0);
        assertThatThrownBy(() -> bulk.apply(forged)).isInstanceOf(ApparatusRefusedException.class);
        assertThat(fixtures.column(springfield, "station")).isEqualTo("Station 9");
        jdbc.update("delete from apparatus where id = ?", springfield);
    }
}
