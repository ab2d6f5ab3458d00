package com.rigsync.apparatus;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.rigsync.KaribuTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.DownloadKt._download;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export CSV carries the synced values in the department's units and time zone, for the grid as it is filtered, and
 * the file it writes imports again (its synced columns ignored).
 */
class ApparatusCsvExportTest extends KaribuTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApparatusSyncWriter writer;
    @Autowired
    private MeterHistory meterHistory;
    @Autowired
    private ApparatusCsvService csvFiles;
    @Autowired
    private Clock clock;

    private ConditionsFleet fleet;

    @BeforeEach
    void createFleet() {
        fleet = ConditionsFleet.create(jdbc, writer, meterHistory, clock.instant());
    }

    @AfterEach
    void removeFleet() {
        fleet.delete(jdbc);
    }

    @Test
    void theExportOfTheFilteredGridCarriesTheSyncedValuesInKilometresAndTheDepartmentsTimeZone() throws IOException {
        jdbc.update("update department set distance_unit = 'KILOMETRES', time_zone = 'America/Chicago' where id = ?",
                fleet.id());
        signIn(fleet.user("DATA_MANAGER"));
        navigate("apparatus");
        showSelect().setValue(FleetCondition.ACTIVE_FAULTS);

        List<CSVRecord> rows = parse(_download(exportLink()));
        assertThat(rows.getFirst().toList()).containsExactly("RigSync id", "Unit", "Type", "Station", "VIN", "Make",
                "Model", "Year", "Plate", "Status", "Status reason", "Samsara ID", "Link state", "Odometer (km)",
                "Engine hours", "Fuel (%)", "Engine state", "Active fault codes", "Warning lamps", "Fault codes",
                "Address", "Latitude", "Longitude", "Last reading (America/Chicago)",
                "Last synced (America/Chicago)");
        assertThat(rows.subList(1, rows.size())).as("the grid's filter: active fault codes")
                .extracting(r -> r.get(1)).containsExactly("Engine 1", "Tanker 1");

        CSVRecord engine = rows.get(1);
        assertThat(engine.toList().subList(12, 23)).containsExactly("Linked", "19868", "10.0", "60", "On", "1",
                "Check engine (MIL)", "Warning light on. P0128", ConditionsFleet.ADDRESS, "39.7817", "-89.6501");
        assertThat(engine.get(23)).isEqualTo(chicagoTime("read_at", fleet.faulty()));
        assertThat(engine.get(24)).isEqualTo(chicagoTime("synced_at", fleet.faulty()));
        CSVRecord tanker = rows.get(2);
        assertThat(tanker.toList().subList(13, 23)).containsExactly("", "", "12.5", "Idle", "1", "", "SPN 110 FMI 0",
                "", "39.8", "-89.64");
    }

    @Test
    void anExportedFileImportsAgainWithItsSyncedColumnsIgnored() {
        signIn(fleet.user("ADMINISTRATOR"));
        byte[] exported = csvFiles.exportCsv(ApparatusFilter.none(), Sort.by("faults"));
        String text = new String(exported, StandardCharsets.UTF_8);
        assertThat(text).startsWith("RigSync id,Unit,").contains(",Odometer (mi),").contains(",Last reading (UTC),")
                .contains("\r\n" + fleet.faulty() + ",Engine 1,");

        ImportPreview preview = csvFiles.previewImport(exported);
        assertThat(preview.rows()).hasSize(6).allSatisfy(row -> assertThat(row.outcome())
                .as(row.unitName() + ": " + row.detail()).isEqualTo(ImportOutcome.UNCHANGED));
        assertThat(csvFiles.applyImport(exported, "round-trip.csv").count(ImportOutcome.UNCHANGED)).isEqualTo(6);
        assertThat(jdbc.queryForObject("select odometer_meters from apparatus_telemetry where apparatus_id = ?",
                Long.class, fleet.faulty())).as("synced values are never imported").isEqualTo(19_867_545L);
    }

    private String chicagoTime(String column, long apparatusId) {
        LocalDateTime utc = jdbc.queryForObject("select " + column + " from apparatus_telemetry where apparatus_id = ?",
                LocalDateTime.class, apparatusId);
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(ZoneId.of("America/Chicago")));
    }

    private static List<CSVRecord> parse(byte[] csv) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
    }

    private Anchor exportLink() {
        return _get(Anchor.class, spec -> spec.withPredicate(a -> a.getChildren()
                .anyMatch(c -> c instanceof Button b && "Export CSV".equals(b.getText()))));
    }

    @SuppressWarnings("unchecked")
    private Select<FleetCondition> showSelect() {
        return _get(Select.class, spec -> spec.withLabel("Show"));
    }
}
