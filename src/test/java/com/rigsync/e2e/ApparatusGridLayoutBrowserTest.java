package com.rigsync.e2e;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.rigsync.integration.IntegrationTestAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apparatus grid as an administrator sees it on a 1400 and a 1920 pixel wide screen: every header sits over its
 * values, and the default columns up to "Last reading" are whole, none under the row tools or cut short.
 */
class ApparatusGridLayoutBrowserTest extends BrowserTest {

    /** Per visible column (left to right): header text, header x, first row's x, whether any value is cut short. */
    private static final String MEASURE = """
            const root = document.querySelector('vaadin-grid').shadowRoot;
            const content = cell => (cell.querySelector('slot')?.assignedElements() ?? [])[0];
            const shown = cells => [...cells].filter(c => !c.hidden && c.getBoundingClientRect().width > 0);
            const headers = shown(root.querySelectorAll('#header tr:last-child th'));
            const rows = [...root.querySelectorAll('#items tr')].filter(r => !r.hidden && r.getBoundingClientRect().height > 0);
            return headers.map((th, i) => {
              const values = rows.map(r => shown(r.children)[i]).filter(td => td);
              const cut = values.some(td => { const c = content(td); return c && c.scrollWidth > c.clientWidth + 1; });
              return { header: (content(th)?.textContent ?? '').trim(),
                       headerLeft: Math.round(th.getBoundingClientRect().left),
                       valueLeft: Math.round(values[0].getBoundingClientRect().left),
                       right: Math.round(values[0].getBoundingClientRect().right),
                       cut: cut };
            });
            """;

    @ParameterizedTest(name = "{0} pixels wide")
    @ValueSource(ints = {1400, 1920})
    void whatADepartmentChecksDailyIsWholeAndUnderItsHeader(int width) {
        String admin = newDepartmentAdmin();
        long department = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                admin);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        // the longest values of each default column a department sees: six-figure odometers, five-figure engine
        // hours, a reason for being out of service, two warning lamps, a reading days old at a two-digit hour
        addApparatus(department, "Engine 12", "Station 12", 987_654_321L, 45_000_000L, now.minusDays(6).withHour(22));
        addApparatus(department, "Tanker 4", "Station 3", 12_345_678L, 3_600_000L, now.minusHours(1));

        driver.manage().window().setSize(new Dimension(width, 900));
        open("/apparatus");
        signIn(admin, IntegrationTestAccess.PASSWORD);
        wait.until(d -> d.getPageSource().contains("Engine 12") && d.getPageSource().contains("Tanker 4"));
        waitForVaadin();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> columns = (List<Map<String, Object>>) ((JavascriptExecutor) driver)
                .executeScript(MEASURE);
        assertThat(columns).extracting(c -> c.get("header")).containsSubsequence("Unit", "Status", "Station",
                "Odometer", "Engine hours", "Fuel", "Faults", "Last reading");
        for (Map<String, Object> column : columns) {
            assertThat(column.get("headerLeft")).as("header \"%s\" over its values", column.get("header"))
                    .isEqualTo(column.get("valueLeft"));
        }
        Map<String, Object> rowTools = columns.getLast();
        int lastReading = columns.indexOf(columns.stream().filter(c -> "Last reading".equals(c.get("header")))
                .findFirst().orElseThrow());
        for (Map<String, Object> column : columns.subList(0, lastReading + 1)) {
            assertThat(((Number) column.get("right")).longValue()).as("\"%s\" clear of the row tools",
                    column.get("header")).isLessThanOrEqualTo(((Number) rowTools.get("valueLeft")).longValue());
        }
        for (String whole : List.of("Odometer", "Engine hours", "Fuel", "Last reading")) {
            assertThat(columns).filteredOn(c -> whole.equals(c.get("header"))).singleElement()
                    .satisfies(c -> assertThat(c.get("cut")).as("a value of \"%s\" cut short", whole)
                            .isEqualTo(false));
        }
    }

    private void addApparatus(long department, String unit, String station, long odometerMeters, long engineSeconds,
                              LocalDateTime readAt) {
        jdbc.update("insert into apparatus (department_id, unit_name, type, status, status_reason, station, "
                + "samsara_vehicle_id) values (?, ?, 'ENGINE', 'OUT_OF_SERVICE', 'Pump recall', ?, ?)", department,
                unit, station, "2814749771" + Math.abs(unit.hashCode() % 100_000));
        long id = jdbc.queryForObject("select id from apparatus where department_id = ? and unit_name = ?",
                Long.class, department, unit);
        jdbc.update("insert into apparatus_telemetry (apparatus_id, odometer_meters, odometer_read_at, engine_seconds, "
                + "engine_read_at, fuel_percent, fuel_read_at, active_fault_count, warning_lamps, faults_read_at, "
                + "read_at, synced_at) values (?, ?, ?, ?, ?, 100, ?, 2, 'Red stop, Protect', ?, ?, ?)", id,
                odometerMeters, readAt, engineSeconds, readAt, readAt, readAt, readAt, readAt);
    }
}
