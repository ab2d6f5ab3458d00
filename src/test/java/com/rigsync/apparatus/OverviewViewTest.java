package com.rigsync.apparatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rigsync.KaribuTest;
import com.rigsync.apparatus.ActiveFaultCode.Source;
import com.rigsync.apparatus.ApparatusSyncWriter.TelemetryUpdate;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.sync.SyncTestDepartment;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The Overview as each role sees it: figures that open the grid filtered to them, or what Samsara would bring. */
class OverviewViewTest extends KaribuTest {

    @Autowired
    private ApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApparatusSyncWriter writer;
    @Autowired
    private Clock clock;

    private final List<String> departmentsMade = new ArrayList<>();
    private SyncTestDepartment withoutSamsara;

    @AfterEach
    void removeDepartments() {
        departmentsMade.forEach(username -> IntegrationTestAccess.removeDepartmentOf(jdbc, username));
        if (withoutSamsara != null) {
            withoutSamsara.delete(jdbc);
        }
    }

    @Test
    void aConnectedDepartmentSeesItsFleetAndEachFigureOpensTheGridFilteredToIt() {
        String manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        departmentsMade.add(manager);
        long department = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                manager);
        Instant now = clock.instant();
        long engine = apparatus(department, "Engine 1", "2001", "IN_SERVICE", null);
        long tanker = apparatus(department, "Tanker 1", "2002", "IN_SERVICE", null);
        long silent = apparatus(department, "Engine 2", "2003", "OUT_OF_SERVICE", "Pump repair");
        apparatus(department, "Brush 1", null, "RESERVE", null);
        writer.writeTelemetry(department, List.of(
                new TelemetryUpdate(engine, null, null, null, null, null, null, null, null, 64.0, now, null, null,
                        new ActiveFaults("Warning light on. P0128", "Check engine (MIL)", List.of(new ActiveFaultCode(
                                Source.OBD_II, "P0128", null, null, null, "confirmed", "Check engine (MIL)", null)),
                                now), now),
                new TelemetryUpdate(tanker, null, null, null, null, null, null, null, null, 9.0, now, null, null,
                        null, now.minus(Duration.ofDays(2)))), now);
        writer.markNothingReported(department, List.of(silent), now); // a sync found nothing from Engine 2

        signIn(manager);
        navigate("");

        assertTile("tile-warning-lamps", "1 Warning lamp on", "apparatus?show=warning-lamps");
        assertTile("tile-faults", "1 Active fault codes", "apparatus?show=faults");
        assertTile("tile-not-reporting", "2 Not reporting", "apparatus?show=not-reporting");
        assertThat(text("tile-not-reporting")).contains("No reading for 24 hours");
        assertTile("tile-low-fuel", "1 Low fuel", "apparatus?show=low-fuel");
        assertThat(text("tile-low-fuel")).contains("Below 25 %");
        assertTile("tile-needs-review", "0 Waiting for review", "apparatus?show=needs-review");
        assertTile("tile-in-service", "2 In service", "apparatus?status=IN_SERVICE");
        assertTile("tile-out-of-service", "1 Out of service", "apparatus?status=OUT_OF_SERVICE");
        assertThat(text("tile-out-of-service")).contains("Engine 2: Pump repair");
        assertTile("tile-reserve", "1 Reserve", "apparatus?status=RESERVE");
        assertThat(text("overview-integration")).startsWith("Samsara: Working · last successful sync never");
    }

    @Test
    void withoutSamsaraInThePlanEachRoleIsToldWhatItBringsAndWhoCanAddIt() {
        withoutSamsara = SyncTestDepartment.create(jdbc);
        jdbc.update("update department set samsara_entitled = false where id = ?", withoutSamsara.id());
        apparatus(withoutSamsara.id(), "Engine 9", null, "IN_SERVICE", null);

        signIn(withoutSamsara.user("MEMBER"));
        navigate("");
        assertThat(text("overview-integration"))
                .contains("this page shows which rigs have a warning lamp on")
                .contains("Your department's administrator can ask your Sales Representative or Client Success Manager to add it.");
        _assertNone(Component.class, spec -> spec.withId("tile-not-reporting"));
        assertTile("tile-in-service", "1 In service", "apparatus?status=IN_SERVICE");

        signIn(withoutSamsara.user("ADMINISTRATOR"));
        navigate("");
        assertThat(text("overview-integration")).contains("To add it, contact your Sales Representative or Client Success Manager.");
    }

    private void assertTile(String id, String text, String href) {
        RouterLink tile = _get(RouterLink.class, spec -> spec.withId(id));
        assertThat(tile.getElement().getAttribute("aria-label")).isEqualTo(text);
        assertThat(tile.getHref()).isEqualTo(href);
    }

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private long apparatus(long department, String unit, String samsaraId, String status, String reason) {
        jdbc.update("insert into apparatus (department_id, unit_name, type, status, status_reason, "
                + "samsara_vehicle_id) values (?, ?, 'ENGINE', ?, ?, ?)", department, unit, status, reason, samsaraId);
        return jdbc.queryForObject("select id from apparatus where department_id = ? and unit_name = ?", Long.class,
                department, unit);
    }
}
