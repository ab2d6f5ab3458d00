package com.rigsync.integration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.rigsync.KaribuTest;
import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedSamsaraServer;
import com.rigsync.integration.ui.SettingsView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.ComboBoxKt.selectByLabel;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assets > Setup > Settings for each role and each state of the connection, against the simulated Samsara. */
class SettingsViewTest extends KaribuTest {

    private static final String GOOD = SimulatedSamsara.GLOBAL_READ_TOKEN;

    @Autowired
    private SamsaraRegions regions;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SamsaraConnections connections;
    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private SamsaraSettingsService service;

    private SimulatedSamsaraServer samsara;

    @BeforeEach
    void startFakes() {
        samsara = TestSamsara.setUp(regions);
    }

    private final List<TestDepartments> created = new ArrayList<>();

    @AfterEach
    void removeTestDepartments() {
        created.forEach(d -> d.delete(jdbc));
    }

    private TestDepartments track(TestDepartments department) {
        created.add(department);
        return department;
    }

    private TestDepartments openAsAdministrator(boolean entitled) {
        TestDepartments department = track(TestDepartments.create(jdbc, entitled));
        signIn(department.admin());
        navigate("setup/settings");
        _assertOne(SettingsView.class);
        return department;
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "manager"})
    void administratorsAndDataManagersOpenSettings(String username) {
        signIn(username);
        navigate("setup/settings");
        _assertOne(SettingsView.class);
        _assertOne(Checkbox.class, spec -> spec.withLabel("Enable Samsara services integration"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"member", "success"})
    void membersAndClientSuccessAreRefusedByAddress(String username) {
        signIn(username);
        assertThatThrownBy(() -> navigate("setup/settings")).hasMessageContaining("Access is denied");
        _assertNone(SettingsView.class);
    }

    @Test
    void withoutTheEntitlementThereIsOnlyThePaidFeatureNoteAndNoSamsaraCall() {
        int requestsBefore = samsara.samsara().requestCount();
        openAsAdministrator(false);

        _assertOne(Paragraph.class, spec -> spec.withText("The Samsara integration is a paid feature that is not "
                + "included in your department's plan. To add it, contact your Sales Representative or Client Success Manager."));
        _assertNone(Checkbox.class);
        _assertNone(PasswordField.class);
        _assertNone(Button.class, spec -> spec.withText("Test connection"));
        assertThat(samsara.samsara().requestCount()).isEqualTo(requestsBefore);
    }

    @Test
    void entitledAndOffShowsTheToggleOffAndAnEmptyTokenField() {
        openAsAdministrator(true);

        assertThat(_get(Checkbox.class, spec -> spec.withLabel("Enable Samsara services integration")).getValue())
                .isFalse();
        PasswordField token = _get(PasswordField.class, spec -> spec.withLabel("Access token"));
        assertThat(token.getValue()).isEmpty();
        assertThat(token.isRevealButtonVisible()).isFalse();
        _assertOne(Paragraph.class, spec -> spec.withText("Connection: Not connected"));
        _assertNone(Paragraph.class, spec -> spec.withPredicate(p -> p.getText().startsWith("Token saved")));
        Details steps = _get(Details.class, spec -> spec.withClasses("token-steps"));
        assertThat(steps.isOpened()).as("nothing saved yet: the steps are open").isTrue();
        assertThat(steps.getElement().getTextRecursively()).contains("Organization Administrator",
                "Settings > API Tokens", "Add an API Token", "\"RigSync\"", "Global Read", "Write Driver Auth Token",
                "Samsara shows it only once");
    }

    @Test
    void aGoodTokenIsVerifiedSavedEncryptedAndNeverShownAgain() {
        TestDepartments department = openAsAdministrator(true);
        enterSettings(true, GOOD);
        clickSave();

        expectNotifications("Token saved and verified: Springfield Fire Rescue (simulated).");
        _assertNone(PasswordField.class);
        _assertNone(Details.class, spec -> spec.withClasses("token-steps"));
        Paragraph saved = _get(Paragraph.class, spec -> spec.withClasses("saved-token"));
        assertThat(saved.getText()).startsWith("Token saved, ending in …read, saved by " + department.adminName()
                + " on ");
        _assertOne(Paragraph.class, spec -> spec.withText("Connection: Working"));
        _assertOne(Paragraph.class, spec -> spec.withText(
                "Samsara organisation: Springfield Fire Rescue (simulated) (id 11235813)"));
        _assertOne(Paragraph.class, spec -> spec.withPredicate(p -> p.getText().startsWith("Last used successfully: ")
                && !p.getText().endsWith("never")));
        _assertOne(Button.class, spec -> spec.withText("Replace"));
        _assertOne(Button.class, spec -> spec.withText("Remove"));

        String stored = jdbc.queryForObject("select secret_ciphertext from samsara_connection where department_id = ?",
                String.class, department.id());
        assertThat(stored).startsWith("v2:").doesNotContain(GOOD).doesNotContain("global-read");
        assertThat(auditActions(department)).containsExactly("SAMSARA_ENABLED", "SAMSARA_TOKEN_SAVED");
        assertThat(auditText(department)).doesNotContain(GOOD);
        assertThat(connections.sessionFor(department.id())).isPresent();
    }

    @Test
    void aRevokedTokenIsRefusedWithTheReason() {
        TestDepartments department = openAsAdministrator(true);
        enterSettings(true, SimulatedSamsara.REVOKED_TOKEN);
        clickSave();

        expectNotifications("Not saved: the token was regenerated or revoked: create a new one.");
        assertThat(storedSecrets(department)).isZero();
        assertThat(auditActions(department)).containsExactly("SAMSARA_TEST_FAILED");
        assertThat(auditText(department)).doesNotContain(SimulatedSamsara.REVOKED_TOKEN);
        assertThat(_get(PasswordField.class, spec -> spec.withLabel("Access token")).getValue()).isEmpty();
    }

    @Test
    void anUnderScopedTokenIsRefusedNamingTheMissingScope() {
        TestDepartments department = openAsAdministrator(true);
        enterSettings(true, SimulatedSamsara.NO_STATS_TOKEN);
        clickSave();

        expectNotifications("Not saved: Samsara refused 'Read Vehicle Statistics': the token may lack that scope "
                + "(Global Read includes it), be limited to tags that leave the vehicles out, or your organisation's "
                + "Samsara licence may not include it.");
        assertThat(storedSecrets(department)).isZero();
    }

    @Test
    void whenSamsaraAnswers503TheTokenMaySaveAsNotYetVerifiedAndTheNextGoodCallClearsIt() {
        TestDepartments department = openAsAdministrator(true);
        samsara.samsara().failNextRequests(100, 503);
        enterSettings(true, GOOD);
        clickSave();

        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("Samsara cannot be reached");
        assertThat(storedSecrets(department)).isZero();
        _click(_get(Button.class, spec -> spec.withText("Save as not yet verified")));
        awaitSamsaraCheck();

        expectNotifications("Token saved, marked not yet verified: RigSync checks it at its first call to Samsara.");
        _assertOne(Paragraph.class, spec -> spec.withText("Connection: Not yet verified"));
        _assertOne(Paragraph.class, spec -> spec.withText("Last used successfully: never"));
        assertThat(health(department)).isEqualTo("NOT_YET_VERIFIED");

        samsara.samsara().resetFaults();
        clickTestConnection();
        _assertOne(Paragraph.class, spec -> spec.withText("The connection works."));
        _assertOne(Paragraph.class, spec -> spec.withText("Connection: Working"));
        assertThat(health(department)).isEqualTo("OK");
    }

    @Test
    void whenNothingListensTheUserMayCancelAndNothingIsSaved() {
        TestDepartments department = openAsAdministrator(true);
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("Enable Samsara services integration")), true);
        selectByLabel(region(), "Unreachable Samsara (test)");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Access token")), GOOD);
        clickSave();

        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("Samsara cannot be reached");
        _click(_get(Button.class, spec -> spec.withText("Cancel")));
        assertThat(storedSecrets(department)).isZero();
    }

    @Test
    void testConnectionReportsEachEndpointTheVehicleCountAndOffersTagsWithoutSaving() {
        TestDepartments department = openAsAdministrator(true);
        enterSettings(false, GOOD);
        clickTestConnection();

        _assertOne(Paragraph.class, spec -> spec.withText("The connection works."));
        _assertOne(Paragraph.class, spec -> spec.withText("Organisation: Springfield Fire Rescue (simulated) (id 11235813)"));
        List<String> checks = _find(_get(Component.class, spec -> spec.withClasses("endpoint-checks")), ListItem.class)
                .stream().map(ListItem::getText).toList();
        assertThat(checks).hasSize(4);
        assertThat(checks.get(0)).isEqualTo("Organisation (GET /me): OK: Springfield Fire Rescue (simulated) (id 11235813)");
        assertThat(checks.get(1)).matches("Vehicles \\(GET /fleet/vehicles\\): OK: \\d+ vehicles");
        assertThat(checks.get(2)).isEqualTo("Vehicle statistics (GET /fleet/vehicles/stats): OK: readable");
        assertThat(checks.get(3)).isEqualTo("Drivers (GET /fleet/drivers): OK: readable");
        int vehicles = samsara.samsara().vehicles().size();
        _assertOne(Paragraph.class, spec -> spec.withText("The token sees " + vehicles + " vehicles."));
        _assertOne(Paragraph.class, spec -> spec.withPredicate(p -> p.getText().matches("Round trip: \\d+ ms")));
        assertThat(tagTree().getTreeData().getRootItems()).extracting(TagChoice::label)
                .as("the organisation's tags as a tree: Fire over its stations, Police, Public Works")
                .contains("Police", "Public Works", "Tag " + SimulatedFleet.FIRE.id());
        assertThat(tagTree().getTreeData().getChildren(tag(SimulatedFleet.FIRE.id()))).extracting(TagChoice::label)
                .contains("Station 1", "Station 5", "Reserve");
        assertThat(storedSecrets(department)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from samsara_connection where department_id = ?",
                Integer.class, department.id())).isZero();
    }

    @Test
    void aChosenTagLimitsTheVehiclesAndIsSaved() {
        TestDepartments department = openAsAdministrator(true);
        enterSettings(true, GOOD);
        clickTestConnection();
        tagTree().asMultiSelect().select(tag(SimulatedFleet.STATION_1.id()));
        clickSave();
        expectNotifications("Token saved and verified: Springfield Fire Rescue (simulated).");
        assertThat(jdbc.queryForObject("select tag_ids from samsara_connection where department_id = ?", String.class,
                department.id())).isEqualTo(SimulatedFleet.STATION_1.id());

        clickTestConnection();
        int all = samsara.samsara().vehicles().size();
        Paragraph seen = _get(Paragraph.class, spec -> spec.withPredicate(p -> p.getText().startsWith("The token sees")));
        assertThat(seen.getText()).endsWith(" vehicles with the chosen tags.");
        int withTag = Integer.parseInt(seen.getText().replaceAll("\\D+", ""));
        assertThat(withTag).isPositive().isLessThan(all);
    }

    @Test
    void aTagWithTagsUnderItIsSavedAsAParentTagThatIncludesThemAll() {
        TestDepartments department = openAsAdministrator(true);
        enterSettings(true, GOOD);
        clickTestConnection();
        TagChoice fire = tag(SimulatedFleet.FIRE.id());
        tagTree().asMultiSelect().select(fire);
        clickSave();

        expectNotifications("Token saved and verified: Springfield Fire Rescue (simulated).");
        assertThat(jdbc.queryForMap("select tag_ids, parent_tag_ids from samsara_connection where department_id = ?",
                department.id())).containsEntry("tag_ids", null)
                .containsEntry("parent_tag_ids", SimulatedFleet.FIRE.id());
        assertThat(auditText(department)).contains("tag filter " + SimulatedFleet.FIRE.id()
                + " and everything under it");
        assertThat(tagTree().getSelectedItems()).extracting(TagChoice::id)
                .as("shown again after saving").containsExactly(SimulatedFleet.FIRE.id());

        clickTestConnection();
        long underFire = samsara.samsara().vehicles().stream().filter(v -> v.tags().stream()
                .anyMatch(t -> SimulatedFleet.FIRE.id().equals(t.parentTagId()))).count();
        _assertOne(Paragraph.class, spec -> spec.withText("The token sees " + underFire
                + " vehicles with the chosen tags."));
    }

    @SuppressWarnings("unchecked")
    private static TreeGrid<TagChoice> tagTree() {
        return _get(TreeGrid.class);
    }

    private static TagChoice tag(String id) {
        return tagTree().getTreeData().getRootItems().stream()
                .flatMap(root -> java.util.stream.Stream.concat(java.util.stream.Stream.of(root),
                        tagTree().getTreeData().getChildren(root).stream()))
                .filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void testConnectionWarnsWhenTheTokenSeesFewerVehiclesThanTheDepartmentHasApparatus() {
        TestDepartments department = openAsAdministrator(true);
        int vehicles = samsara.samsara().vehicles().size();
        for (int i = 0; i <= vehicles; i++) {
            jdbc.update("""
                    insert into apparatus (department_id, unit_name, type, status, link_flag, version, updated_by,
                        updated_at)
                    values (?, ?, 'ENGINE', 'IN_SERVICE', 'NONE', 0, 'Test Setup', now())""",
                    department.id(), "Engine " + (100 + i));
        }
        enterSettings(false, GOOD);
        clickTestConnection();

        _assertOne(Paragraph.class, spec -> spec.withText("The token sees " + vehicles + " Samsara vehicles but the "
                + "department has " + (vehicles + 1) + " apparatus: check the token's tags and the tag filter."));
    }

    @Test
    void aTokenOfAnotherOrganisationIsSavedOnlyAfterAConfirmationAndFlagsLinks() {
        TestDepartments department = openAsAdministrator(true);
        enterSettings(true, GOOD);
        clickSave();
        expectNotifications("Token saved and verified: Springfield Fire Rescue (simulated).");
        List<SamsaraOrganisationChanged> published = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<SamsaraOrganisationChanged>> listener =
                event -> published.add(event.getPayload());
        context.addApplicationListener(listener);
        try {
            _click(_get(Button.class, spec -> spec.withText("Replace")));
            selectByLabel(region(), "Another organisation (test)");
            _setValue(_get(PasswordField.class, spec -> spec.withLabel("Access token")), "public-works-token-9876");
            clickSave();

            Dialog dialog = _get(Dialog.class);
            assertThat(dialog.getHeaderTitle()).isEqualTo("A different Samsara organisation");
            assertThat(_get(dialog, Paragraph.class).getText()).contains(TestSamsara.OTHER_ORGANISATION_NAME)
                    .contains("Springfield Fire Rescue (simulated)").contains("flagged for review");
            assertThat(published).isEmpty();
            _click(_get(Button.class, spec -> spec.withText("Save and flag links for review")));
            awaitSamsaraCheck();

            expectNotifications("Token saved and verified: " + TestSamsara.OTHER_ORGANISATION_NAME + ". Existing "
                    + "Samsara links are flagged for review.");
            assertThat(published).containsExactly(new SamsaraOrganisationChanged(department.id(), "11235813",
                    TestSamsara.OTHER_ORGANISATION_ID));
            assertThat(jdbc.queryForObject("select org_id from samsara_connection where department_id = ?",
                    String.class, department.id())).isEqualTo(TestSamsara.OTHER_ORGANISATION_ID);
            assertThat(auditActions(department)).contains("SAMSARA_TOKEN_REPLACED", "SAMSARA_ORGANISATION_CHANGED");
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void removingTheTokenAsksFirstThenKeepsTheOtherSettings() {
        TestDepartments department = openAsAdministrator(true);
        enterSettings(true, GOOD);
        clickSave();
        expectNotifications("Token saved and verified: Springfield Fire Rescue (simulated).");

        _click(_get(Button.class, spec -> spec.withText("Remove")));
        _click(_get(Button.class, spec -> spec.withText("Remove token")));

        _assertOne(PasswordField.class, spec -> spec.withLabel("Access token"));
        _assertOne(Paragraph.class, spec -> spec.withText("Connection: Not connected"));
        assertThat(storedSecrets(department)).isZero();
        assertThat(jdbc.queryForObject("select enabled from samsara_connection where department_id = ?",
                Boolean.class, department.id())).isTrue();
        assertThat(auditActions(department)).endsWith("SAMSARA_TOKEN_REMOVED");
        assertThat(connections.sessionFor(department.id())).isEmpty();
    }

    @Test
    void switchingTheEntitlementOffStopsTheIntegrationButKeepsTheConnection() {
        TestDepartments department = openAsAdministrator(true);
        enterSettings(true, GOOD);
        clickSave();
        expectNotifications("Token saved and verified: Springfield Fire Rescue (simulated).");

        jdbc.update("update department set samsara_entitled = false where id = ?", department.id());
        navigate("");
        navigate("setup/settings");
        _assertNone(Checkbox.class);
        _assertOne(Paragraph.class, spec -> spec.withClasses("paid"));
        assertThat(connections.sessionFor(department.id())).isEmpty();
        assertThat(storedSecrets(department)).isOne();

        jdbc.update("update department set samsara_entitled = true where id = ?", department.id());
        navigate("");
        navigate("setup/settings");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("saved-token")).getText())
                .startsWith("Token saved, ending in …read");
        assertThat(connections.sessionFor(department.id())).isPresent();
    }

    @Test
    void theSecondOfTwoSaversIsToldWhoChangedTheSettingsMeanwhile() {
        TestDepartments department = openAsAdministrator(true);
        enterSettings(true, GOOD);
        clickSave();
        expectNotifications("Token saved and verified: Springfield Fire Rescue (simulated).");
        // the data manager saves while the administrator's page is open
        jdbc.update("update samsara_connection set enabled = false, updated_by = ?, version = version + 1 "
                + "where department_id = ?", department.managerName(), department.id());

        _setValue(_get(Checkbox.class, spec -> spec.withLabel("Enable Samsara services integration")), false);
        clickSave();

        expectNotifications("The settings were changed by " + department.managerName() + " meanwhile. The page "
                + "shows them now; make your change again if it is still needed.");
    }

    @Test
    void whileSamsaraIsSlowTheClickReturnsAtOnceShowingTheCheckThenTheResult() {
        TestDepartments department = openAsAdministrator(true);
        enterSettings(true, GOOD);
        samsara.samsara().setResponseDelay(Duration.ofMillis(400)); // each of the five or so calls

        _click(_get(Button.class, spec -> spec.withText("Save")));

        // the click has returned while Samsara is still answering: the screen says so and waits
        _assertOne(Paragraph.class, spec -> spec.withText("Checking the token with Samsara…"));
        assertThat(_get(Button.class, spec -> spec.withText("Save")).isEnabled()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withText("Test connection")).isEnabled()).isFalse();
        expectNotifications();
        assertThat(storedSecrets(department)).isZero();
        assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
                .anyMatch(name -> name.startsWith("samsara-check-"))
                .noneMatch(name -> name.contains(GOOD));

        awaitSamsaraCheck();

        expectNotifications("Token saved and verified: Springfield Fire Rescue (simulated).");
        _assertNone(Paragraph.class, spec -> spec.withText("Checking the token with Samsara…"));
        assertThat(_get(Button.class, spec -> spec.withText("Save")).isEnabled()).isTrue();
        assertThat(_get(Button.class, spec -> spec.withText("Test connection")).isEnabled()).isTrue();
        assertThat(storedSecrets(department)).isOne();
        // the worker ran as the user who clicked: their department, their name on the token and the audit trail
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("saved-token")).getText())
                .contains("saved by " + department.adminName());
        assertThat(jdbc.queryForList("select actor from audit_event where department_id = ?", String.class,
                department.id())).containsOnly(department.admin());
    }

    @Test
    void aTestConnectionAnswerArrivingAfterTheUserLeftIsIgnored() {
        openAsAdministrator(true);
        enterSettings(false, GOOD);
        samsara.samsara().setResponseDelay(Duration.ofMillis(200));
        _click(_get(Button.class, spec -> spec.withText("Test connection")));
        SettingsView left = _get(SettingsView.class);
        _assertOne(Paragraph.class, spec -> spec.withText("Checking the token with Samsara…"));

        navigate("");
        awaitSamsaraCheck();

        _assertNone(SettingsView.class);
        expectNotifications();
        assertThat(left.getElement().getNode().isAttached()).isFalse();
        assertThat(_find(left, Paragraph.class)).map(Paragraph::getText).doesNotContain("The connection works.");
    }

    // --- helpers

    @SuppressWarnings("unchecked")
    private Select<Region> region() {
        return _get(Select.class, spec -> spec.withLabel("Region"));
    }

    private void enterSettings(boolean enable, String token) {
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("Enable Samsara services integration")), enable);
        selectByLabel(region(), "Simulated Samsara (test)");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Access token")), token);
    }

    private void clickSave() {
        _click(_get(Button.class, spec -> spec.withText("Save")));
        awaitSamsaraCheck();
    }

    private void clickTestConnection() {
        _click(_get(Button.class, spec -> spec.withText("Test connection")));
        awaitSamsaraCheck();
    }

    /**
     * The Samsara checks run for real on the service's background pool, as in production (no synchronous executor
     * in tests). The pool's worker hands the answer to the screen with ui.access, which only queues it: the test
     * thread holds the session lock, like a request thread would. So: wait until the pool's tasks have run to their
     * end (the hand-over included), then let Karibu run the queued ui.access tasks, as the next round trip would.
     */
    private void awaitSamsaraCheck() {
        try {
            service.awaitBackgroundChecks(Duration.ofSeconds(60));
        } catch (Exception e) {
            throw new AssertionError("the Samsara check did not finish", e);
        }
        MockVaadin.clientRoundtrip(false);
    }

    private int storedSecrets(TestDepartments department) {
        return jdbc.queryForObject("select count(*) from samsara_connection where department_id = ? "
                + "and secret_ciphertext is not null", Integer.class, department.id());
    }

    private String health(TestDepartments department) {
        return jdbc.queryForObject("select health from samsara_connection where department_id = ?", String.class,
                department.id());
    }

    private List<String> auditActions(TestDepartments department) {
        return jdbc.queryForList("select action from audit_event where department_id = ? order by id", String.class,
                department.id());
    }

    private String auditText(TestDepartments department) {
        return String.join("\n", jdbc.queryForList("select concat(coalesce(target, ''), ' ', coalesce(detail, '')) "
                + "from audit_event where department_id = ?", String.class, department.id()));
    }
}
