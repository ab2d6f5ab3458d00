package com.rigsync.apparatus;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.rigsync.SpringAppTest;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service's own rules, whatever a screen shows: tenancy, roles, concurrency, CSV, and the demo's apparatus. */
@SpringAppTest
class ApparatusServiceTest {


    @Autowired
    private ApparatusService service;
    @Autowired
    private SamsaraLinking linking;
    @Autowired
    private ApparatusCsvService csvFiles;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CachedSamsaraVehicles vehicleCache;

    private ApparatusFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ApparatusFixtures(jdbc, vehicleCache);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void signInAs(String username) {
        SignIn.as(users, username);
    }

    @Test
    void anotherDepartmentsAdministratorNeverSeesOrChangesSpringfieldApparatus() {
        String unit = ApparatusFixtures.uniqueUnit("Springfield Only");
        String samsaraId = ApparatusFixtures.uniqueSamsaraId();
        long id = fixtures.insert(fixtures.springfield(), unit, ApparatusFixtures.uniqueVin(), samsaraId);
        signInAs("admin");
        ApparatusDetails springfieldCopy = service.details(id);

        signInAs("shelbyville-admin");
        List<ApparatusRow> all = service.page(ApparatusFilter.none(), PageRequest.of(0, 500));
        assertThat(all).extracting(ApparatusRow::getUnitName)
                .containsExactlyInAnyOrder("Brush 1", "Engine 1", "Engine 2", "Medic 1", "Truck 1");
        assertThat(service.count(ApparatusFilter.none().withText(unit))).isZero();
        assertThat(service.stations()).containsExactly("Station 1", "Station 2");
        assertThatThrownBy(() -> service.details(id)).isInstanceOf(ApparatusRefusedException.class)
                .hasMessageContaining("no longer exists");
        springfieldCopy.setPlate("STOLEN");
        assertThatThrownBy(() -> service.save(springfieldCopy)).isInstanceOf(ApparatusRefusedException.class);
        assertThatThrownBy(() -> service.saveInline(new ApparatusRow(id, 0, unit, ApparatusType.ENGINE, "X", null,
                null, null, null, "STOLEN", ApparatusStatus.IN_SERVICE, null, null, LinkFlag.NONE, null, null, null,
                null, null, null, null, null, null, null, null, null, null, false, false))).isInstanceOf(ApparatusRefusedException.class);
        assertThatThrownBy(() -> service.delete(id, 0)).isInstanceOf(ApparatusRefusedException.class);
        assertThat(service.unlink(List.of(id))).isZero();
        String csv = new String(csvFiles.exportCsv(ApparatusFilter.none(), Sort.unsorted()), StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain(unit).doesNotContain("4P18T5UW1K1165940");
        // importing a row naming the Springfield id is refused, not applied
        String file = "RigSync id,Unit,Type,Status\n" + id + "," + unit + ",Engine,In service\n";
        assertThat(csvFiles.previewImport(file.getBytes(StandardCharsets.UTF_8)).rows()).singleElement()
                .satisfies(row -> assertThat(row.outcome()).isEqualTo(ImportOutcome.ERROR));
        // nor does the magnifier see Springfield's Samsara vehicles
        assertThat(linking.findSamsaraVehicleByVin("4P18T5UW1K1165940", null).outcome())
                .isEqualTo(SamsaraIdLookup.Outcome.NOT_FOUND);

        assertThat(fixtures.column(id, "plate")).isNull();
        assertThat(fixtures.column(id, "samsara_vehicle_id")).isEqualTo(samsaraId);
        assertThat(fixtures.exists(id)).isTrue();
    }

    @Test
    void theSecondOfTwoConcurrentSavesIsRefusedNamingWhoChangedIt() {
        String unit = ApparatusFixtures.uniqueUnit("Race Engine");
        long id = fixtures.insert(fixtures.springfield(), unit, ApparatusFixtures.uniqueVin(), null);
        signInAs("manager");
        ApparatusDetails managers = service.details(id);
        signInAs("admin");
        ApparatusDetails admins = service.details(id);

        signInAs("manager");
        managers.setStation("Station 5");
        service.save(managers);

        signInAs("admin");
        admins.setPlate("AA 1");
        assertThatThrownBy(() -> service.save(admins)).isInstanceOf(ChangedMeanwhileException.class)
                .hasMessageStartingWith(unit + " was changed by Morgan Manager meanwhile.");
        assertThat(fixtures.column(id, "station")).isEqualTo("Station 5");
        assertThat(fixtures.column(id, "plate")).isNull();
        assertThatThrownBy(() -> service.delete(id, admins.getVersion())).isInstanceOf(ChangedMeanwhileException.class);
    }

    @Test
    void membersAndClientSuccessCannotWrite() {
        signInAs("member");
        assertThatThrownBy(() -> service.save(new ApparatusDetails())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> csvFiles.applyImport(new byte[0], "x.csv")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> linking.findSamsaraVehicleByVin("X", null)).isInstanceOf(AccessDeniedException.class);
        signInAs("success");
        assertThatThrownBy(() -> service.page(ApparatusFilter.none(), PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void exportNeutralisesCellsASpreadsheetWouldRun() {
        String unit = ApparatusFixtures.uniqueUnit("=HYPERLINK(\"http://evil\")");
        long id = fixtures.insert(fixtures.springfield(), unit, ApparatusFixtures.uniqueVin(), null);
        jdbc.update("update apparatus set make = '+cmd|calc', model = '-2+3', plate = '@SUM(A1)', station = 'Station, \"9\"' "
                + "where id = ?", id);
        signInAs("manager");
        String csv = new String(csvFiles.exportCsv(ApparatusFilter.none().withText("HYPERLINK"), Sort.by("unitName")),
                StandardCharsets.UTF_8);

        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("RigSync id,Unit,Type,Station,VIN,Make,Model,Year,Plate,Status,"
                + "Status reason,Samsara ID,Link state,Odometer (mi),Engine hours,Fuel (%),Engine state,"
                + "Active fault codes,Warning lamps,Fault codes,Address,Latitude,Longitude,Last reading (UTC),"
                + "Last synced (UTC)");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(id + ",\"'=HYPERLINK(\"\"http://evil\"\")")
                .contains(",\"Station, \"\"9\"\"\",").contains(",'+cmd|calc,'-2+3,,'@SUM(A1),In service,,,Not linked,");

        // and a file exported that way imports back unchanged
        assertThat(csvFiles.previewImport(csv.getBytes(StandardCharsets.UTF_8)).rows()).singleElement()
                .satisfies(row -> assertThat(row.outcome()).isEqualTo(ImportOutcome.UNCHANGED));
    }

    @Test
    void importChecksSamsaraIdsAgainstTheVehicleListAndClashes() {
        String prefix = ApparatusFixtures.uniqueUnit("Ids");
        String known = ApparatusFixtures.uniqueSamsaraId();
        fixtures.cacheVehicle(fixtures.springfield(), known, "Known", ApparatusFixtures.uniqueVin());
        signInAs("admin");
        String file = "Unit,Type,Status,Samsara ID\n"
                + prefix + " A,Engine,In service," + known + "\n"
                + prefix + " B,Engine,In service,999\n"
                + prefix + " C,Engine,In service,281474977104729\n"
                + prefix + " D,Engine,Out of service,\n"
                + prefix + " E,Engine,In service,\n"
                + prefix + " e,Engine,In service,\n";
        List<ImportRow> rows = csvFiles.previewImport(file.getBytes(StandardCharsets.UTF_8)).rows();
        assertThat(rows).extracting(ImportRow::outcome).containsExactly(ImportOutcome.NEW, ImportOutcome.ERROR,
                ImportOutcome.ERROR, ImportOutcome.ERROR, ImportOutcome.ERROR, ImportOutcome.ERROR);
        assertThat(rows.get(1).detail()).isEqualTo("no Samsara vehicle has the ID 999");
        assertThat(rows.get(2).detail()).isEqualTo("Samsara vehicle 281474977104729 is already linked to Engine 1");
        assertThat(rows.get(3).detail()).startsWith("Say why " + prefix + " D is out of service");
        assertThat(rows.get(4).detail()).isEqualTo("rows 6, 7 have the same unit name");
    }

    @Test
    void theDemoDepartmentHasTheDeliberateCases() {
        signInAs("admin");
        assertThat(jdbc.queryForObject("select count(*) from apparatus where department_id = ? and updated_by = "
                + "'RigSync demo'", Integer.class, fixtures.springfield())).isEqualTo(33);
        assertThat(jdbc.queryForList("select unit_name from apparatus where department_id = ? and updated_by = "
                + "'RigSync demo' and samsara_vehicle_id is not null order by unit_name", String.class,
                fixtures.springfield())).containsExactly("Engine 1", "Ladder 1", "Medic 1");
        // every other fire unit matches its Samsara vehicle exactly
        Integer exact = jdbc.queryForObject("""
                select count(*) from apparatus a join samsara_vehicle v
                  on v.department_id = a.department_id and v.vin_normalized = a.vin_normalized
                where a.department_id = ? and a.updated_by = 'RigSync demo'""", Integer.class, fixtures.springfield());
        assertThat(exact).isEqualTo(29);

        assertThat(lookUp("Tanker 4").message()).contains("VINs must match exactly");
        assertThat(lookUp("Tanker 4").suggestions()).singleElement().satisfies(s -> {
            assertThat(s.vehicle().name()).isEqualTo("Tanker 4");
            assertThat(s.reason()).contains("letter O and digit 0");
        });
        assertThat(lookUp("Brush 4").suggestions()).singleElement().satisfies(s -> {
            assertThat(s.vehicle().name()).isEqualTo("Brush 4");
            assertThat(s.reason()).contains("swapped");
        });
        assertThat(lookUp("Engine 8").outcome()).isEqualTo(SamsaraIdLookup.Outcome.NOT_FOUND);
        assertThat(lookUp("Engine 8").suggestions()).isEmpty();
        assertThat(lookUp("Marine 1").suggestions()).isEmpty();
        assertThat(lookUp("Engine 3").outcome()).isEqualTo(SamsaraIdLookup.Outcome.FOUND);
        assertThat(Vin.warnings(service.details(idOf("Marine 1")).getVin())).isEmpty();
        for (String vehicle : List.of("Car 1", "Utility 2", "Decon Trailer 1")) {
            assertThat(jdbc.queryForObject("select count(*) from apparatus where department_id = ? and unit_name = ?",
                    Integer.class, fixtures.springfield(), vehicle)).as(vehicle).isZero();
            assertThat(jdbc.queryForObject("select count(*) from samsara_vehicle where department_id = ? and name = ?",
                    Integer.class, fixtures.springfield(), vehicle)).as(vehicle).isEqualTo(1);
        }
    }

    private SamsaraIdLookup lookUp(String unit) {
        ApparatusDetails details = service.details(idOf(unit));
        return linking.findSamsaraVehicleByVin(details.getVin(), details.getId());
    }

    private long idOf(String unit) {
        return jdbc.queryForObject("select id from apparatus where department_id = ? and unit_name = ?", Long.class,
                fixtures.springfield(), unit);
    }
}
