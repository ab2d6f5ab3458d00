package com.rigsync.driver;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.rigsync.KaribuTest;
import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedRequest;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedSamsaraServer;
import com.rigsync.driver.ui.DriversView;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.integration.IntegrationTestAccess.TestDepartment;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Assets > Setup > Drivers for each role and state, against the simulated Samsara (and a fake for exact expiry
 * times). Samsara is asked on the service's pool, as in production; tests wait for it, then run the queued
 * {@code ui.access} tasks as the next round trip would.
 */
class DriversViewTest extends KaribuTest {

    private static final String DRIVER_TOKENS = SimulatedSamsara.DRIVER_TOKENS_TOKEN;
    /** Expiry times on this simulator are real ones (the shared simulator's clock stands in March 2026). */
    private static final SimulatedSamsaraServer onTime = SimulatedSamsaraServer.start(
            new SimulatedSamsara(Clock.systemUTC()));
    /** Its rate limit buckets never refill. */
    private static final SimulatedSamsaraServer frozenLimits = SimulatedSamsaraServer.start(
            new SimulatedSamsara(Clock.systemUTC(), SimulatedSamsara.DEFAULT_PAGE_SIZE,
                    SimulatedSamsara.DEFAULT_REDIRECT_URI, SimulatedFleet.demo(), () -> 0L));
    private static final SimulatedFleet BIG_FLEET = SimulatedFleet.withDrivers(3000);
    private static final SimulatedSamsaraServer bigOrganisation = SimulatedSamsaraServer.start(
            new SimulatedSamsara(Clock.systemUTC(), SimulatedSamsara.DEFAULT_PAGE_SIZE,
                    SimulatedSamsara.DEFAULT_REDIRECT_URI, BIG_FLEET, System::nanoTime));
    private static final FakeSamsara fake = new FakeSamsara();

    @Autowired
    private ApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DriverService service;

    private final List<TestDepartment> departments = new ArrayList<>();
    private final List<String> readyToConnect = new ArrayList<>();

    @BeforeEach
    void forgetListedDrivers() {
        service.forgetListedDrivers();
        fake.reset();
    }

    @AfterEach
    void removeTestDepartments() {
        departments.forEach(d -> IntegrationTestAccess.removeDepartment(jdbc, d));
        readyToConnect.forEach(admin -> IntegrationTestAccess.removeDepartmentOf(jdbc, admin));
    }

    @AfterAll
    static void stopSimulators() {
        onTime.close();
        frozenLimits.close();
        bigOrganisation.close();
        fake.close();
    }

    private TestDepartment connectedToTheSharedSimulator() {
        return track(IntegrationTestAccess.departmentConnectedWith(context, jdbc, DRIVER_TOKENS, null, null));
    }

    private TestDepartment connectedTo(SimulatedSamsaraServer samsara, String regionKey, String token) {
        return connectedTo(samsara.baseUrl(), regionKey, token);
    }

    private TestDepartment connectedTo(String baseUrl, String regionKey, String token) {
        return track(IntegrationTestAccess.departmentConnectedWith(context, jdbc, token, regionKey, baseUrl));
    }

    private TestDepartment track(TestDepartment department) {
        departments.add(department);
        return department;
    }

    private void open(String username) {
        signIn(username);
        navigate("setup/drivers");
        _assertOne(DriversView.class);
        awaitSamsara();
    }

    @Test
    void administratorsSeeTheDriversWithEveryDetailAndMayIssueLoginTokens() {
        open(connectedToTheSharedSimulator().admin());

        Grid<SamsaraDriver> grid = grid();
        assertThat(_size(grid)).isEqualTo(7);
        assertThat(_get(grid, 2).label()).isEqualTo("Kenji Watanabe (KWatanabe)");
        assertThat(_getFormattedRow(grid, 2).subList(0, 6)).containsExactly("Kenji Watanabe", "KWatanabe", "Active",
                "Station 2", "Engine 2", "payrollId: SFR00103");
        assertThat(_getCellComponent(grid, 2, "actions")).isInstanceOfSatisfying(Button.class,
                button -> assertThat(button.getText()).isEqualTo("Issue login token"));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("drivers-summary")).getText())
                .startsWith("7 of 9 drivers (listed from Samsara ");
    }

    @Test
    void dataManagersListTheDriversButHaveNoIssueButton() {
        open(connectedToTheSharedSimulator().manager());

        Grid<SamsaraDriver> grid = grid();
        assertThat(_size(grid)).isEqualTo(7);
        assertThat(grid.getColumnByKey("actions")).isNull();
        _assertNone(Button.class, spec -> spec.withText("Issue login token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"member", "success"})
    void membersAndClientSuccessAreRefusedByAddress(String username) {
        signIn(username);
        assertThatThrownBy(() -> navigate("setup/drivers")).hasMessageContaining("Access is denied");
        _assertNone(DriversView.class);
    }

    @Test
    void withoutTheEntitlementThereIsOnlyThePaidFeatureNote() {
        SimulatedSamsaraServer shared = IntegrationTestAccess.simulator(context);
        int requestsBefore = shared.samsara().requestCount();
        open(track(IntegrationTestAccess.unconnectedDepartment(jdbc, false)).admin());

        _assertOne(Paragraph.class, spec -> spec.withText("The Samsara integration is a paid feature that is not "
                + "included in your department's plan. To add it, contact your Sales Representative or Client Success Manager."));
        _assertNone(Grid.class);
        _assertNone(Button.class, spec -> spec.withText("Refresh"));
        assertThat(shared.samsara().requestCount()).isEqualTo(requestsBefore);
    }

    @Test
    void anIntegrationSwitchedOffPointsToSettings() {
        open(track(IntegrationTestAccess.unconnectedDepartment(jdbc, true)).admin());

        _assertOne(Paragraph.class, spec -> spec.withClasses("not-connected").withPredicate(p -> p.getText()
                .startsWith("The Samsara integration is switched off for your department.")));
        assertThat(_get(RouterLink.class, spec -> spec.withText("Open Setup > Settings")).getHref())
                .isEqualTo("setup/settings");
        _assertNone(Grid.class);
    }

    @Test
    void anIntegrationWithoutAConnectionPointsToSettings() {
        String admin = IntegrationTestAccess.departmentReadyToConnect(context, jdbc);
        readyToConnect.add(admin);
        open(admin);

        _assertOne(Paragraph.class, spec -> spec.withClasses("not-connected").withPredicate(p -> p.getText()
                .startsWith("Samsara is not connected for your department. An administrator or data manager "
                        + "connects it under Setup > Settings.")));
        _assertOne(RouterLink.class, spec -> spec.withText("Open Setup > Settings"));
    }

    @Test
    void anUnreachableSamsaraSaysToTryLater() {
        TestDepartment department = connectedToTheSharedSimulator();
        IntegrationTestAccess.makeSamsaraUnreachableFor(jdbc, department.admin());
        open(department.admin());

        _assertOne(Paragraph.class, spec -> spec.withText("Samsara cannot be reached right now. Try again later."));
        _assertOne(Button.class, spec -> spec.withText("Refresh"));
        _assertNone(Grid.class);
    }

    @Test
    void searchFindsNamesUsernamesAndExternalIdsAndTheStatusFilterShowsDeactivatedDrivers() {
        open(connectedToTheSharedSimulator().manager());
        Grid<SamsaraDriver> grid = grid();
        TextField search = _get(TextField.class, spec -> spec.withPlaceholder("Name, username, external ID…"));
        @SuppressWarnings("unchecked")
        Select<DriverFilter.Status> status = _get(Select.class, spec -> spec.withLabel("Status"));

        _setValue(search, "watanabe");
        assertThat(names(grid)).containsExactly("Kenji Watanabe");
        _setValue(search, "PRAMAN");
        assertThat(names(grid)).containsExactly("Priya Raman");
        _setValue(search, "sfr00101");
        assertThat(names(grid)).containsExactly("Maria Alvarez");

        _setValue(search, "");
        _setValue(status, DriverFilter.Status.DEACTIVATED);
        assertThat(names(grid)).containsExactly("Hannah Becker", "Sam Whitfield");
        assertThat(_getFormattedRow(grid, 0).get(2)).isEqualTo("Deactivated");
        _setValue(status, DriverFilter.Status.ALL);
        assertThat(_size(grid)).isEqualTo(9);
        _setValue(search, "nobody by this name");
        assertThat(_size(grid)).isZero();
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("drivers-summary")).getText())
                .startsWith("0 of 9 drivers");
    }

    @Test
    void thousandsOfDriversLoadOffTheUiThreadAndArePagedInTheGrid() {
        String manager = connectedTo(bigOrganisation, "test-drivers-big", DRIVER_TOKENS).manager();
        int listRequestsBefore = bigOrganisation.samsara().requestCount("/fleet/drivers");
        signIn(manager);
        navigate("setup/drivers");

        // the request returned at once: Samsara is still being asked, and the screen says so
        _assertOne(Paragraph.class, spec -> spec.withText("Loading drivers…"));
        assertThat(_get(Button.class, spec -> spec.withText("Refresh")).isEnabled()).isFalse();
        awaitSamsara();
        _assertNone(Paragraph.class, spec -> spec.withText("Loading drivers…"));

        long active = BIG_FLEET.drivers().stream().filter(d -> d.active()).count();
        assertThat(active).isGreaterThan(2500);
        Grid<SamsaraDriver> grid = grid();
        assertThat(_size(grid)).isEqualTo((int) active);
        assertThat(_get(grid, (int) active - 1).active()).isTrue();
        int listRequests = bigOrganisation.samsara().requestCount("/fleet/drivers") - listRequestsBefore;
        assertThat(listRequests).as("every page, active and deactivated").isGreaterThanOrEqualTo(7);

        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("Name, username, external ID…")), "2999");
        assertThat(names(grid)).as("by name, and by payroll id SFR02999").containsExactly("Hayden Okafor 2999",
                "Hayden Schmidt 2899");

        // reopening within minutes asks Samsara nothing; Refresh asks again
        navigate("");
        navigate("setup/drivers");
        awaitSamsara();
        assertThat(bigOrganisation.samsara().requestCount("/fleet/drivers") - listRequestsBefore)
                .isEqualTo(listRequests);
        _click(_get(Button.class, spec -> spec.withText("Refresh")));
        awaitSamsara();
        assertThat(bigOrganisation.samsara().requestCount("/fleet/drivers") - listRequestsBefore)
                .isEqualTo(2 * listRequests);
    }

    @Test
    void anAdministratorConfirmsThenSeesTheTokenAndCodeOnceWithTheExpiryCountingDown() {
        TestDepartment department = connectedTo(onTime, "test-drivers-on-time", DRIVER_TOKENS);
        open(department.admin());
        String kenjiId = _get(grid(), 2).id();

        _click((Button) _getCellComponent(grid(), 2, "actions"));
        Dialog confirmation = _get(Dialog.class, spec -> spec.withPredicate(d -> "Issue a login token for Kenji Watanabe (KWatanabe)?"
                .equals(d.getHeaderTitle())));
        _click(_get(confirmation, Button.class, spec -> spec.withText("Issue login token")));
        _assertOne(Paragraph.class, spec -> spec.withText("Issuing a login token for Kenji Watanabe (KWatanabe)…"));
        awaitSamsara();

        Dialog shown = _get(Dialog.class, spec -> spec.withPredicate(d -> "Login token for Kenji Watanabe (KWatanabe)"
                .equals(d.getHeaderTitle())));
        TextField token = _get(shown, TextField.class, spec -> spec.withLabel("Login token"));
        TextField code = _get(shown, TextField.class, spec -> spec.withLabel("Code"));
        String tokenValue = token.getValue();
        String codeValue = code.getValue();
        assertThat(tokenValue).startsWith("sim-driver-");
        assertThat(codeValue).hasSize(20);
        assertThat(token.isReadOnly()).isTrue();
        assertThat(code.isReadOnly()).isTrue();
        Paragraph expiry = _get(shown, Paragraph.class, spec -> spec.withClasses("expiry"));
        String first = expiry.getText();
        assertThat(first).matches("Expires in 1[45]:\\d\\d \\(at .+\\)");
        UI ui = UI.getCurrent();
        assertThat(ui.getPollInterval()).isEqualTo(1000);

        await().pollInSameThread().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            poll(ui);
            assertThat(expiry.getText()).as("a second later").isNotEqualTo(first).startsWith("Expires in 1");
        });

        _click(_get(shown, Button.class, spec -> spec.withText("Close")));
        MockVaadin.clientRoundtrip(false);
        _assertNone(Dialog.class);
        assertThat(ui.getPollInterval()).isEqualTo(-1);
        assertThat(token.getValue()).isEmpty();
        assertThat(code.getValue()).isEmpty();
        assertThat(_find(TextField.class)).noneMatch(f -> tokenValue.equals(f.getValue())
                || codeValue.equals(f.getValue()));

        List<Map<String, Object>> audit = jdbc.queryForList("select target, detail from audit_event where "
                + "department_id = ? and action = 'DRIVER_LOGIN_TOKEN_ISSUED'", department.id());
        assertThat(audit).singleElement().satisfies(event -> {
            assertThat(event.get("target")).isEqualTo("Kenji Watanabe (Samsara driver " + kenjiId + ")");
            assertThat(event.values()).noneMatch(v -> v != null && (v.toString().contains(tokenValue)
                    || v.toString().contains(codeValue)));
        });
    }

    @Test
    void theCountdownEndsInExpiredAndStopsPolling() {
        fake.tokenLifetime = Duration.ofMillis(1500);
        open(connectedTo(fake.baseUrl(), "test-drivers-fake", "fake-token").admin());
        assertThat(_get(grid(), 0).label()).isEqualTo("Susan Jones (SusanJones)");

        issueFor(0, "Issue a login token for Susan Jones (SusanJones)?");
        Paragraph expiry = _get(Paragraph.class, spec -> spec.withClasses("expiry"));
        assertThat(expiry.getText()).matches("Expires in 0:0[12] \\(at .+\\)");
        UI ui = UI.getCurrent();

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            poll(ui);
            assertThat(expiry.getText()).isEqualTo("Expired. Issue a new login token if the driver still needs one.");
        });
        assertThat(ui.getPollInterval()).isEqualTo(-1);
    }

    @Test
    void cancellingTheConfirmationIssuesNothing() {
        TestDepartment department = connectedTo(onTime, "test-drivers-on-time", DRIVER_TOKENS);
        int before = onTime.samsara().requestCount("/fleet/drivers/auth-token");
        open(department.admin());

        _click((Button) _getCellComponent(grid(), 0, "actions"));
        Dialog confirmation = _get(Dialog.class, spec -> spec.withPredicate(d -> d.getHeaderTitle() != null
                && d.getHeaderTitle().startsWith("Issue a login token for ")));
        _click(_get(confirmation, Button.class, spec -> spec.withText("Cancel")));
        awaitSamsara();

        _assertNone(Dialog.class);
        _assertNone(TextField.class, spec -> spec.withLabel("Login token"));
        assertThat(onTime.samsara().requestCount("/fleet/drivers/auth-token")).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where department_id = ? and action = "
                + "'DRIVER_LOGIN_TOKEN_ISSUED'", Integer.class, department.id())).isZero();
    }

    @Test
    void aTokenWithoutTheWriteScopeIsToldWhichScopeToSelect() {
        open(connectedTo(onTime, "test-drivers-on-time", SimulatedSamsara.GLOBAL_READ_TOKEN).admin());

        issueFor(0, null);

        expectNotifications("Samsara refused to let your department's token issue driver login tokens. In the "
                + "Samsara dashboard, check three things: the token's scopes (Settings > API Tokens) include 'Write "
                + "Driver Auth Token' (Global Read does not include it); if the token is limited to some tags, the "
                + "vehicles and drivers are inside them; and your organisation's Samsara licence includes this "
                + "feature (your Samsara account team can tell you). No login token was issued.");
        _assertNone(TextField.class, spec -> spec.withLabel("Login token"));
    }

    @Test
    void aRateLimitedSamsaraSaysWhenToTryAgain() {
        open(connectedTo(frozenLimits, "test-drivers-frozen-limits", DRIVER_TOKENS).admin());
        // another integration with the same token spent this minute's 100 login tokens
        for (int i = 0; i < 100; i++) {
            byte[] body = ("{\"code\":\"another-app-code-" + i + "\",\"driverId\":" + _get(grid(), 0).id() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(frozenLimits.samsara().handle(SimulatedRequest.of("POST", "/fleet/drivers/auth-token", "",
                    Map.of("authorization", List.of("Bearer " + DRIVER_TOKENS),
                            "content-type", List.of("application/json")), body)).status()).isEqualTo(200);
        }

        issueFor(0, null);

        List<String> said = getNotifications().stream().map(n -> n.getElement().getProperty("text")).toList();
        assertThat(said).singleElement().asString().matches("Samsara limits how many login tokens your "
                + "organisation can issue a minute, and that limit is reached\\. No login token was issued; try again "
                + "in \\d+ seconds?\\.");
        _assertNone(TextField.class, spec -> spec.withLabel("Login token"));
    }

    /** Clicks the row's "Issue login token", confirms (checking the title when given) and waits for Samsara. */
    private void issueFor(int row, String expectedTitle) {
        _click((Button) _getCellComponent(grid(), row, "actions"));
        Dialog confirmation = _get(Dialog.class, spec -> spec.withPredicate(d -> d.getHeaderTitle() != null
                && d.getHeaderTitle().startsWith("Issue a login token for ")));
        if (expectedTitle != null) {
            assertThat(confirmation.getHeaderTitle()).isEqualTo(expectedTitle);
        }
        _click(_get(confirmation, Button.class, spec -> spec.withText("Issue login token")));
        awaitSamsara();
    }

    @SuppressWarnings("unchecked")
    private static Grid<SamsaraDriver> grid() {
        return _get(Grid.class);
    }

    private static List<String> names(Grid<SamsaraDriver> grid) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < _size(grid); i++) {
            names.add(_get(grid, i).name());
        }
        return names;
    }

    private static void poll(UI ui) {
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    private void awaitSamsara() {
        try {
            service.awaitBackgroundWork(Duration.ofSeconds(60));
        } catch (Exception e) {
            throw new AssertionError("the Samsara call did not finish", e);
        }
        MockVaadin.clientRoundtrip(false);
    }
}
