package com.rigsync.integration;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.rigsync.KaribuTest;
import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedSamsaraServer;
import com.rigsync.integration.ui.DirectInstallView;
import com.rigsync.integration.ui.OAuthCallbackView;
import com.rigsync.integration.ui.SettingsView;
import com.rigsync.security.ui.LoginView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.ComboBoxKt.selectByLabel;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Connect with Samsara" through the simulated Samsara's authorize page (Allow and Cancel), the callback's refusals
 * of bad states, code reuse, one organisation per department, switching between token and OAuth, and Direct
 * Install. The simulator runs on a loopback port with RigSync's real redirect URI registered; the browser's part
 * (authorize page, Allow/Cancel, redirect) is played with an HTTP client, the rest through the real screens.
 */
@ExtendWith(OutputCaptureExtension.class)
class OAuthConnectViewTest extends KaribuTest {

    private static final String REGION = "test-oauth-sim";
    private static final String REGION_LABEL = "Simulated Samsara for OAuth (test)";
    private static final String ORG = SimulatedFleet.ORGANIZATION_NAME;
    private static final Pattern AUTHORIZATION = Pattern.compile("name=\"authorization\" value=\"([^\"]+)\"");
    private static SimulatedSamsaraServer simulator;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SamsaraRegions regions;
    @Autowired
    private SamsaraOAuthApp app;
    @Autowired
    private SamsaraOAuthService oauth;
    @Autowired
    private SamsaraSettingsService settings;
    @Autowired
    private SamsaraConnections connections;
    @Autowired
    private TokenVault vault;
    @Autowired
    private ConfigurableApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<TestDepartments> created = new ArrayList<>();

    @BeforeEach
    void startSimulator() {
        if (simulator == null) {
            simulator = SimulatedSamsaraServer.start(new SimulatedSamsara(
                    Clock.fixed(SimulatedSamsaraServer.DEFAULT_START, ZoneOffset.UTC), 512, app::redirectUri,
                    SimulatedFleet.demo(), System::nanoTime));
        }
        regions.register(REGION, REGION_LABEL, simulator.baseUrl());
        simulator.samsara().resetFaults();
    }

    @AfterEach
    void removeTestDepartments() {
        created.forEach(d -> d.delete(jdbc));
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Test
    void allowingOnSamsarasPageConnectsStoresTheGrantEncryptedAndShowsTheOrganisation(CapturedOutput log) {
        TestDepartments department = openSettings(true);
        _assertOne(Paragraph.class, spec -> spec.withText("Or connect without a token: sign in to Samsara and allow "
                + "RigSync."));

        String authorizeUrl = clickConnect();
        assertThat(authorizeUrl).startsWith(simulator.baseUrl() + "/oauth2/authorize?client_id="
                + SimulatedSamsara.OAUTH_CLIENT_ID + "&state=").contains("&response_type=code&redirect_uri="
                + URLEncoder.encode(app.redirectUri(), StandardCharsets.UTF_8));
        PendingConnection pending = pendingInSession();
        assertThat(pending.state()).matches("[A-Za-z0-9_-]{43}"); // 32 random bytes, base64url
        assertThat(pending.expiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(9)),
                Instant.now().plus(Duration.ofMinutes(10)));

        callback(decide(authorizeUrl, "allow"));

        _assertOne(SettingsView.class);
        expectNotifications("Connected with Samsara: " + ORG + ". Granted scope: admin:read.");
        Paragraph connection = _get(Paragraph.class, spec -> spec.withClasses("oauth-connection"));
        assertThat(connection.getText()).startsWith("Connected with Samsara to " + ORG + " (id "
                + SimulatedFleet.ORGANIZATION_ID + "). Granted scope: admin:read. Connected by "
                + department.adminName() + " on ");
        _assertOne(Button.class, spec -> spec.withText("Disconnect"));
        _assertOne(Paragraph.class, spec -> spec.withText("Connection: Working"));
        _assertNone(PasswordField.class);

        Map<String, Object> row = jdbc.queryForMap("select auth_kind, secret_ciphertext, refresh_ciphertext, "
                + "access_expires_at, oauth_scope, org_id from samsara_connection where department_id = ?",
                department.id());
        assertThat(row.get("auth_kind")).isEqualTo("OAUTH");
        assertThat(row.get("oauth_scope")).isEqualTo("admin:read");
        assertThat(row.get("org_id")).isEqualTo(SimulatedFleet.ORGANIZATION_ID);
        assertThat(row.get("access_expires_at")).isNotNull();
        String access = vault.tokenSource(SecretSlot.secret(department.id()), (String) row.get("secret_ciphertext")).accessToken();
        String refresh = vault.tokenSource(SecretSlot.refresh(department.id()), (String) row.get("refresh_ciphertext")).accessToken();
        assertThat(access).startsWith("sim-oauth-at-");
        assertThat(refresh).startsWith("sim-oauth-rt-");
        assertThat((String) row.get("secret_ciphertext")).startsWith("v2:").doesNotContain(access);
        assertThat((String) row.get("refresh_ciphertext")).startsWith("v2:").doesNotContain(refresh);
        assertThat(auditActions(department)).contains("SAMSARA_OAUTH_CONNECTED");

        // the stored grant works for the department's Samsara calls
        assertThat(connections.sessionFor(department.id()).orElseThrow().samsara().me().id())
                .isEqualTo(SimulatedFleet.ORGANIZATION_ID);

        // and no secret reached the log, the page or the audit trail
        String page = UI.getCurrent().getElement().getOuterHTML();
        for (String secret : List.of(access, refresh, SimulatedSamsara.OAUTH_CLIENT_SECRET)) {
            assertThat(log.getAll()).doesNotContain(secret);
            assertThat(page).doesNotContain(secret);
            assertThat(String.join(" ", jdbc.queryForList("select concat(target, ' ', coalesce(detail, '')) from "
                    + "audit_event where department_id = ?", String.class, department.id()))).doesNotContain(secret);
        }
    }

    @Test
    void afterTheSimulatedClockPassesExpiryTheNextCallRefreshesOnceAndWorks() {
        TestDepartments department = openSettings(true);
        callback(decide(clickConnect(), "allow"));
        expectNotifications("Connected with Samsara: " + ORG + ". Granted scope: admin:read.");
        String refreshBefore = storedRefresh(department);

        simulator.samsara().advanceClock(Duration.ofHours(1)); // the access token has expired at Samsara

        var session = connections.sessionFor(department.id()).orElseThrow();
        assertThat(session.samsara().me().id()).isEqualTo(SimulatedFleet.ORGANIZATION_ID);
        assertThat(session.samsara().requestCount()).isEqualTo(2); // the 401, then the retry
        assertThat(storedRefresh(department)).isNotEqualTo(refreshBefore);
        // a new session (as the next sync would make) uses the stored new pair
        assertThat(connections.sessionFor(department.id()).orElseThrow().samsara().me().id())
                .isEqualTo(SimulatedFleet.ORGANIZATION_ID);
        assertThat(jdbc.queryForObject("select health from samsara_connection where department_id = ?",
                String.class, department.id())).isEqualTo("OK");
    }

    @Test
    void reconnectNeededShowsOnSettingsAndOnDepartments() {
        TestDepartments department = openSettings(true);
        callback(decide(clickConnect(), "allow"));
        expectNotifications("Connected with Samsara: " + ORG + ". Granted scope: admin:read.");
        // Samsara refuses the grant from now on (revoked in its dashboard); the next refresh finds out
        String refresh = vault.tokenSource(SecretSlot.refresh(department.id()), storedRefresh(department)).accessToken();
        simulator.samsara().revokeToken(refresh);
        jdbc.update("update samsara_connection set access_expires_at = ? where department_id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(60)), department.id());
        var session = connections.sessionFor(department.id()).orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.samsara().me())
                .isInstanceOf(com.rigsync.samsara.InvalidGrantException.class);

        navigate("setup/settings");
        _assertOne(Paragraph.class, spec -> spec.withText("Connection: Reconnect needed"));
        _assertOne(Paragraph.class, spec -> spec.withClasses("reconnect-needed"));
        _assertOne(Button.class, spec -> spec.withText("Connect with Samsara again"));
        assertThat(connections.sessionFor(department.id())).isEmpty();

        signIn("success");
        navigate("departments");
        var grid = _get(com.vaadin.flow.component.grid.Grid.class);
        List<String> rows = java.util.stream.IntStream.range(0, com.github.mvysny.kaributesting.v10.GridKt._size(grid))
                .mapToObj(i -> String.join(", ", com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, i)))
                .toList();
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith(department.name() + ", Included, 2, "
                + "Reconnect needed"));
    }

    @Test
    void cancellingOnSamsarasPageShowsSamsarasReasonAndChangesNothing() {
        TestDepartments department = openSettings(true);

        callback(decide(clickConnect(), "cancel"));

        _assertOne(OAuthCallbackView.class);
        assertThat(status()).isEqualTo("Samsara did not connect RigSync: The resource owner did not grant the "
                + "requested scope. Nothing was changed. To connect, start again and choose Allow on Samsara's page.");
        assertThat(storedAuthKind(department)).isNull();
        _click(_get(Button.class, spec -> spec.withText("Back to Settings")));
        _assertOne(SettingsView.class);
    }

    @Test
    void aCallbackWithoutStateIsRefused() {
        openSettings(true);
        clickConnect();

        callback(Map.of("code", "sim-code-anything"));

        assertThat(status()).isEqualTo(SamsaraOAuthService.MISSING_STATE);
    }

    @Test
    void aStateIsUsedOnceAndTheSecondArrivalIsRefusedWithoutCallingSamsara() {
        openSettings(true);
        Map<String, String> answer = decide(clickConnect(), "allow");
        callback(answer);
        expectNotifications("Connected with Samsara: " + ORG + ". Granted scope: admin:read.");
        int requests = simulator.samsara().requestCount();

        callback(answer);

        assertThat(status()).isEqualTo(SamsaraOAuthService.UNKNOWN_STATE);
        assertThat(simulator.samsara().requestCount()).isEqualTo(requests);
    }

    @Test
    void anExpiredStateIsRefused() {
        TestDepartments department = openSettings(true);
        String authorizeUrl = clickConnect();
        PendingConnection started = pendingInSession();
        // the same request, as it stands 10 minutes after it started
        PendingConnection old = new PendingConnection(started.state(), started.departmentId(), started.userId(),
                started.regionKey(), Instant.now().minusSeconds(1), started.authorizeUrl());
        session().setAttribute(attributeOf(started), old);

        callback(decide(authorizeUrl, "allow"));

        assertThat(status()).isEqualTo(SamsaraOAuthService.EXPIRED);
        assertThat(storedAuthKind(department)).isNull();
    }

    @Test
    void aStateFromAnotherBrowserSessionIsRefused() {
        TestDepartments department = openSettings(true);
        Map<String, String> answer = decide(clickConnect(), "allow");

        // the same user, in another browser session
        MockVaadin.tearDown();
        MockVaadin.setup(UI::new, new MockSpringServlet(new Routes().autoDiscoverViews("com.rigsync"), context,
                UI::new));
        signIn(department.admin());
        callback(answer);

        assertThat(status()).isEqualTo(SamsaraOAuthService.UNKNOWN_STATE);
        assertThat(storedAuthKind(department)).isNull();
    }

    @Test
    void aStateStartedByAnotherUserOfTheSameBrowserIsRefused() {
        TestDepartments department = openSettings(true);
        Map<String, String> answer = decide(clickConnect(), "allow");

        signIn(department.manager()); // someone else signs in in the same browser
        callback(answer);

        assertThat(status()).isEqualTo(SamsaraOAuthService.OTHER_USER);
        assertThat(storedAuthKind(department)).isNull();
    }

    @Test
    void anAuthorizationCodeWorksOnce() {
        openSettings(true);
        Map<String, String> answer = decide(clickConnect(), "allow");
        callback(answer);
        expectNotifications("Connected with Samsara: " + ORG + ". Granted scope: admin:read.");

        _click(_get(Button.class, spec -> spec.withText("Connect with Samsara again")));
        Map<String, String> replay = new LinkedHashMap<>(answer);
        replay.put("state", pendingInSession().state());
        callback(replay);

        assertThat(status()).startsWith("Samsara did not accept the connection: The connection to Samsara is no "
                + "longer valid");
    }

    @Test
    void anOrganisationConnectedToAnotherDepartmentIsRefusedWithoutNamingIt() {
        TestDepartments first = openSettings(true);
        callback(decide(clickConnect(), "allow"));
        expectNotifications("Connected with Samsara: " + ORG + ". Granted scope: admin:read.");

        TestDepartments second = openSettings(true);
        callback(decide(clickConnect(), "allow"));

        assertThat(status()).isEqualTo(SamsaraOAuthService.ELSEWHERE);
        assertThat(status()).doesNotContain(first.name());
        assertThat(storedAuthKind(second)).isNull();
        assertThat(storedAuthKind(first)).isEqualTo("OAUTH");
    }

    @Test
    void connectingReplacesASavedTokenAfterAConfirmation() {
        TestDepartments department = openSettings(true);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Access token")),
                SimulatedSamsara.GLOBAL_READ_TOKEN);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        awaitSettings();
        expectNotifications("Token saved and verified: " + ORG + ".");

        _click(_get(Button.class, spec -> spec.withText("Connect with Samsara")));
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Replace the token with a Samsara connection?");
        assertThat(_get(dialog, Paragraph.class).getText()).contains("ending in …read");
        assertThat(pendingOrNull()).isNull();
        _click(_get(dialog, Button.class, spec -> spec.withText("Connect with Samsara")));
        callback(decide(pendingInSession().authorizeUrl(), "allow"));

        expectNotifications("Connected with Samsara: " + ORG + ". Granted scope: admin:read. The saved API token "
                + "was replaced; delete it in the Samsara dashboard if nothing else uses it.");
        assertThat(storedAuthKind(department)).isEqualTo("OAUTH");
        assertThat(jdbc.queryForObject("select secret_last4 from samsara_connection where department_id = ?",
                String.class, department.id())).isNull();
        assertThat(jdbc.queryForList("select detail from audit_event where department_id = ? and action = ?",
                String.class, department.id(), "SAMSARA_OAUTH_CONNECTED"))
                .containsExactly("scope admin:read; replaced the API token ending in …read");
    }

    @Test
    void savingATokenReplacesTheOAuthConnectionAfterAConfirmationAndRevokesIt() {
        TestDepartments department = openSettings(true);
        callback(decide(clickConnect(), "allow"));
        expectNotifications("Connected with Samsara: " + ORG + ". Granted scope: admin:read.");
        String oldAccess = vault.tokenSource(SecretSlot.secret(department.id()), jdbc.queryForObject("select secret_ciphertext from samsara_connection "
                + "where department_id = ?", String.class, department.id())).accessToken();

        _click(_get(Button.class, spec -> spec.withText("Use an API token instead")));
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Access token")),
                SimulatedSamsara.GLOBAL_READ_TOKEN);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Replace the Samsara connection with this token?");
        assertThat(storedAuthKind(department)).isEqualTo("OAUTH");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save token and disconnect")));
        awaitSettings();

        expectNotifications("Token saved and verified: " + ORG + ". The earlier Samsara connection was "
                + "disconnected and revoked.");
        assertThat(storedAuthKind(department)).isEqualTo("API_TOKEN");
        assertThat(jdbc.queryForObject("select count(*) from samsara_connection where department_id = ? and "
                + "refresh_ciphertext is null and oauth_scope is null", Integer.class, department.id())).isOne();
        assertThat(auditActions(department)).contains("SAMSARA_OAUTH_DISCONNECTED", "SAMSARA_TOKEN_SAVED");
        // Samsara was told: the old grant's access token is dead
        assertThat(get(simulator.baseUrl() + "/me", oldAccess).statusCode()).isEqualTo(401);
    }

    @Test
    void aGrantForAnotherOrganisationIsStoredOnlyAfterAConfirmationAndFlagsLinks() {
        TestDepartments department = openSettings(true);
        jdbc.update("update samsara_connection set org_id = ?, org_name = ? where department_id = ?",
                TestSamsara.OTHER_ORGANISATION_ID, TestSamsara.OTHER_ORGANISATION_NAME, department.id());
        navigate("setup/settings");
        List<SamsaraOrganisationChanged> published = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<SamsaraOrganisationChanged>> listener =
                event -> published.add(event.getPayload());
        context.addApplicationListener(listener);
        try {
            callback(decide(clickConnect(), "allow"));

            Dialog dialog = _get(Dialog.class);
            assertThat(dialog.getHeaderTitle()).isEqualTo("A different Samsara organisation");
            assertThat(_get(dialog, Paragraph.class).getText()).contains(ORG)
                    .contains(TestSamsara.OTHER_ORGANISATION_NAME).contains("flagged for review");
            assertThat(storedAuthKind(department)).isNull();
            assertThat(published).isEmpty();
            _click(_get(dialog, Button.class, spec -> spec.withText("Connect and flag links for review")));
            followToSettingsWhenConnected();

            _assertOne(SettingsView.class);
            expectNotifications("Connected with Samsara: " + ORG + ". Granted scope: admin:read. Existing Samsara "
                    + "links are flagged for review.");
            assertThat(published).containsExactly(new SamsaraOrganisationChanged(department.id(),
                    TestSamsara.OTHER_ORGANISATION_ID, SimulatedFleet.ORGANIZATION_ID));
            assertThat(auditActions(department)).contains("SAMSARA_ORGANISATION_CHANGED");
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void directInstallSendsAnAnonymousVisitorToSignInFirst() {
        navigate("samsara/install");

        _assertOne(LoginView.class);
        _assertNone(DirectInstallView.class);
    }

    @Test
    void directInstallNamesTheDepartmentAndItsConnectionThenStartsTheFlow() {
        TestDepartments department = track(TestDepartments.create(jdbc, true));
        signIn(department.manager());
        navigate("samsara/install");

        _assertOne(DirectInstallView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("install-department")).getText())
                .isEqualTo("Department: " + department.name());
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("install-current")).getText())
                .isEqualTo("Current Samsara connection: none");
        selectByLabel(_get(Select.class, spec -> spec.withLabel("Region")), REGION_LABEL);
        _click(_get(Button.class, spec -> spec.withText("Connect with Samsara")));

        callback(decide(pendingInSession().authorizeUrl(), "allow"));
        _assertOne(SettingsView.class);
        assertThat(storedAuthKind(department)).isEqualTo("OAUTH");
    }

    @Test
    void directInstallShowsASavedTokenAndAsksBeforeReplacingIt() {
        TestDepartments department = openSettings(true);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Access token")),
                SimulatedSamsara.GLOBAL_READ_TOKEN);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        awaitSettings();

        navigate("samsara/install");

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("install-current")).getText())
                .isEqualTo("Current Samsara connection: API token ending in …read");
        _click(_get(Button.class, spec -> spec.withText("Connect with Samsara")));
        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("Replace the token with a Samsara connection?");
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withText("Cancel")));
        assertThat(pendingOrNull()).isNull();
        assertThat(storedAuthKind(department)).isEqualTo("API_TOKEN");
    }

    @Test
    void directInstallRefusesMembersAndExplainsThePaidFeature() {
        signIn("member");
        navigate("samsara/install");
        _assertOne(Paragraph.class, spec -> spec.withText(SamsaraOAuthService.ONLY_MANAGERS));
        _assertNone(Button.class, spec -> spec.withText("Connect with Samsara"));

        TestDepartments unpaid = track(TestDepartments.create(jdbc, false));
        signIn(unpaid.admin());
        navigate("samsara/install");
        _assertOne(Paragraph.class, spec -> spec.withText(SamsaraSettingsService.NOT_ENTITLED));
        _assertNone(Button.class, spec -> spec.withText("Connect with Samsara"));
    }

    // ---- helpers ----

    private TestDepartments track(TestDepartments department) {
        created.add(department);
        return department;
    }

    /** A new entitled department with its connection row on the test simulator; its administrator opens Settings. */
    private TestDepartments openSettings(boolean enabled) {
        TestDepartments department = track(TestDepartments.create(jdbc, true));
        jdbc.update("insert into samsara_connection (department_id, enabled, region, health, updated_by, updated_at) "
                + "values (?, ?, ?, 'NOT_CONNECTED', ?, now())", department.id(), enabled, REGION,
                department.adminName());
        signIn(department.admin());
        navigate("setup/settings");
        _assertOne(SettingsView.class);
        return department;
    }

    private String clickConnect() {
        _click(_get(Button.class, spec -> spec.withText("Connect with Samsara")));
        return pendingInSession().authorizeUrl();
    }

    private static WrappedSession session() {
        return VaadinSession.getCurrent().getSession();
    }

    private static PendingConnection pendingOrNull() {
        WrappedSession session = session();
        return session.getAttributeNames().stream().map(session::getAttribute)
                .filter(PendingConnection.class::isInstance).map(PendingConnection.class::cast)
                .reduce((a, b) -> b).orElse(null);
    }

    private static PendingConnection pendingInSession() {
        PendingConnection pending = pendingOrNull();
        assertThat(pending).as("a started connection in the session").isNotNull();
        return pending;
    }

    private static String attributeOf(PendingConnection pending) {
        WrappedSession session = session();
        return session.getAttributeNames().stream().filter(name -> session.getAttribute(name) == pending)
                .findFirst().orElseThrow();
    }

    /** The browser's part on Samsara's authorize page: opens it, chooses Allow or Cancel, follows back. */
    private Map<String, String> decide(String authorizeUrl, String decision) {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            Matcher authorization = AUTHORIZATION.matcher(page.body());
            assertThat(authorization.find()).isTrue();
            HttpResponse<String> decided = http.send(HttpRequest.newBuilder(
                            URI.create(simulator.baseUrl() + "/oauth2/authorize"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("authorization=" + URLEncoder.encode(
                            authorization.group(1), StandardCharsets.UTF_8) + "&decision=" + decision))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(decided.statusCode()).isEqualTo(302);
            String location = decided.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(app.redirectUri() + "?");
            Map<String, String> answer = new LinkedHashMap<>();
            for (String pair : location.substring(location.indexOf('?') + 1).split("&")) {
                int eq = pair.indexOf('=');
                answer.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return answer;
        } catch (Exception e) {
            throw new AssertionError("the simulated authorize page failed", e);
        }
    }

    private HttpResponse<String> get(String url, String bearer) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Samsara sends the browser back to the callback with this answer; waits for the background exchange. */
    private void callback(Map<String, String> answer) {
        UI.getCurrent().navigate("samsara/oauth/callback", QueryParameters.simple(answer));
        awaitOAuth();
        followToSettingsWhenConnected();
    }

    /** Once connected, the page sends the browser to Settings (a full page load); the test follows as it would. */
    private void followToSettingsWhenConnected() {
        var status = com.github.mvysny.kaributesting.v10.LocatorJ._find(Paragraph.class,
                spec -> spec.withClasses("oauth-status"));
        if (status.size() == 1 && status.getFirst().getText().equals("Connected with Samsara. Opening Settings…")) {
            navigate("setup/settings");
        }
    }

    private void awaitOAuth() {
        try {
            oauth.awaitBackground(Duration.ofSeconds(60));
        } catch (Exception e) {
            throw new AssertionError("the Samsara call did not finish", e);
        }
        MockVaadin.clientRoundtrip(false);
    }

    private void awaitSettings() {
        try {
            settings.awaitBackgroundChecks(Duration.ofSeconds(60));
        } catch (Exception e) {
            throw new AssertionError("the Samsara check did not finish", e);
        }
        MockVaadin.clientRoundtrip(false);
    }

    private String status() {
        return _get(Paragraph.class, spec -> spec.withClasses("oauth-status")).getText();
    }

    private String storedRefresh(TestDepartments department) {
        return jdbc.queryForObject("select refresh_ciphertext from samsara_connection where department_id = ?",
                String.class, department.id());
    }

    private String storedAuthKind(TestDepartments department) {
        return jdbc.queryForObject("select auth_kind from samsara_connection where department_id = ?", String.class,
                department.id());
    }

    private List<String> auditActions(TestDepartments department) {
        return jdbc.queryForList("select action from audit_event where department_id = ? order by id", String.class,
                department.id());
    }
}
