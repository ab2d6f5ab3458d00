package com.rigsync.e2e;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.rigsync.integration.IntegrationTestAccess;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/** The apparatus page in a real browser: its synced values, the map link and the server-drawn meter chart. */
class ApparatusPageBrowserTest extends BrowserTest {

    @Test
    void thePageShowsTheSyncedValuesAndDrawsTheChartForEachRange() {
        String admin = newDepartmentAdmin();
        long department = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                admin);
        jdbc.update("insert into apparatus (department_id, unit_name, type, status, samsara_vehicle_id) "
                + "values (?, 'Brush 3', 'BRUSH', 'IN_SERVICE', '281474977104999')", department);
        long id = jdbc.queryForObject("select id from apparatus where department_id = ?", Long.class, department);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        jdbc.update("insert into apparatus_telemetry (apparatus_id, odometer_meters, odometer_read_at, latitude, "
                + "longitude, address, location_read_at, read_at, synced_at) values (?, 19867545, ?, 39.7817, "
                + "-89.6501, '1 Fire Station Rd, Springfield', ?, ?, ?)", id, now.minusDays(3), now, now, now);
        List<Object[]> readings = new ArrayList<>();
        for (int day = 400; day >= 0; day--) {
            LocalDateTime at = now.minus(Duration.ofDays(day));
            readings.add(new Object[] {department, id, "ODOMETER", 19_000_000L + (400 - day) * 2_000L, at});
            readings.add(new Object[] {department, id, "ENGINE_HOURS", 3_600_000L + (400 - day) * 1_800L, at});
        }
        jdbc.batchUpdate("insert into meter_reading (department_id, apparatus_id, kind, meter_value, read_at, "
                + "synced_at, flag) values (?, ?, ?, ?, ?, now(), 'NONE')", readings);

        open("/apparatus/" + id);
        signIn(admin, IntegrationTestAccess.PASSWORD);
        wait.until(d -> d.getPageSource().contains("Brush 3") && d.getPageSource().contains("12,345 mi"));
        assertThat(driver.getPageSource()).contains("3 days ago").contains("1 Fire Station Rd, Springfield");
        // a value read past the department's not-reporting threshold stands out: bold, in the error colour
        var oldAge = driver.findElement(By.xpath("//*[contains(@class, 'reading-age')][contains(., '3 days ago')]"));
        assertThat(oldAge.getCssValue("font-weight")).isEqualTo("600");
        assertThat(oldAge.getCssValue("color")).isNotEqualTo(
                driver.findElement(By.cssSelector(".reading-time")).getCssValue("color"));
        assertThat(driver.findElements(By.cssSelector(".breadcrumb-current, [aria-current='page']")))
                .extracting(e -> e.getText().strip()).contains("Brush 3");
        var distance = driver.findElement(By.id("apparatus-used-distance")).getRect();
        var engineHours = driver.findElement(By.id("apparatus-used-engine-hours")).getRect();
        assertThat(engineHours.getX() > distance.getX() + distance.getWidth()
                || engineHours.getY() >= distance.getY() + distance.getHeight())
                .as("the two figures used in 30 days apart, not run together").isTrue();
        assertThat(driver.findElement(By.id("apparatus-map-link")).getAttribute("href"))
                .startsWith("https://www.openstreetmap.org/?mlat=39.781700&mlon=-89.650100");

        for (String range : List.of("A year", "All", "30 days")) {
            var choice = driver.findElement(By.xpath("//vaadin-radio-button[normalize-space()='" + range + "']"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", choice);
            choice.click();
            waitForVaadin();
            wait.until(d -> !d.findElements(By.cssSelector("#meter-chart svg")).isEmpty());
            var chart = driver.findElement(By.cssSelector("#meter-chart svg"));
            assertThat(chart.getSize().getWidth()).as(range).isGreaterThan(300);
            assertThat(chart.getSize().getHeight()).as(range).isGreaterThan(100);
        }
        assertThat(driver.findElement(By.id("meter-chart")).getText()).contains("odometer readings");
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scroll")
                .isTrue();
    }
}
