package com.rigsync.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.rigsync.KaribuTest;
import com.rigsync.apparatus.ui.ApparatusPageView;
import com.rigsync.clientsuccess.ui.DepartmentsView;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.sync.ui.SyncView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The sync status panel (Setup > Sync) in each state a department's sync can be in, and the sync's other faces. */
class SyncPanelTest extends KaribuTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private SyncProgressFeed feed;

    /** Usernames of a user of each department a test made, to remove the departments afterwards. */
    private final List<String> departmentsMade = new ArrayList<>();

    @AfterEach
    void removeDepartments() {
        for (String username : departmentsMade) {
            long id = departmentOf(username);
            jdbc.update("delete from scheduled_tasks where task_name = ? and task_instance = ?", SyncTask.NAME,
                    String.valueOf(id));
            SyncTestDepartment.delete(jdbc, id);
        }
    }

    @Test
    void aDepartmentWithoutThePaidFeatureIsToldWhoToAsk() {
        String admin = departmentWithoutSamsara();
        signIn(admin);
        navigate("setup/sync");

        assertThat(text("sync-not-entitled")).contains("paid feature").contains("Client Success Manager");
        _assertNone(Button.class, spec -> spec.withText("Sync now"));
        _assertNone(Grid.class);
    }

    @Test
    void aDepartmentNotConnectedIsSentToSettings() {
        String admin = IntegrationTestAccess.departmentReadyToConnect(context, jdbc);
        departmentsMade.add(admin);
        signIn(admin);
        navigate("setup/sync");

        assertThat(text("sync-not-connected")).contains("Samsara is not connected yet")
                .contains("Open Setup > Settings");
        assertThat(_get(RouterLink.class, spec -> spec.withText("Open Setup > Settings")).getHref())
                .isEqualTo("setup/settings");
        assertThat(text("sync-health")).isEqualTo("Connection: Not connected");
        Button syncNow = _get(Button.class, spec -> spec.withText("Sync now"));
        assertThat(syncNow.isEnabled()).isFalse();
        assertThat(text("sync-now-unavailable")).contains("needs a Samsara connection");
        assertThat(text("sync-next")).isEqualTo("Next scheduled sync: none until Samsara is connected");
    }

    @Test
    void aConnectedDepartmentThatNeverSyncedSaysSo() {
        String manager = connectedDepartment();
        signIn(manager);
        navigate("setup/sync");

        assertThat(text("sync-health")).isEqualTo("Connection: Working");
        assertThat(text("sync-organisation")).isEqualTo("Samsara organisation: Springfield Fire Rescue (simulated)");
        assertThat(text("sync-last-success")).isEqualTo("Last successful sync: never synced yet");
        assertThat(text("sync-history-empty")).isEqualTo("No sync has run yet.");
        assertThat(_get(Button.class, spec -> spec.withText("Sync now")).isEnabled()).isTrue();
        _assertNone(Component.class, spec -> spec.withId("sync-paused"));
        _assertNone(Component.class, spec -> spec.withId("sync-not-connected"));
        _assertNone(Component.class, spec -> spec.withId("sync-running"));
        assertThat(_get(IntegerField.class, spec -> spec.withLabel("Sync every (minutes)")).getValue()).isEqualTo(15);
    }

    @Test
    void theHistoryShowsEachRunWithItsOutcomeCountsErrorInPlainWordsAndInstance() {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        run(department, "MANUAL", "Ada Admin", "2026-03-02 10:00:00", "2026-03-02 10:00:42", "SUCCEEDED", 38, 12,
                null);
        run(department, "SCHEDULED", null, "2026-03-02 10:15:00", "2026-03-02 10:17:05", "PARTIAL", 38, 9,
                "Samsara was busy; 3 apparatus keep their last values and are retried next run.");
        run(department, "SCHEDULED", null, "2026-03-02 10:30:00", "2026-03-02 10:30:03", "FAILED", 0, 1,
                "Samsara could not be reached. Nothing was changed; the next run tries again.");
        run(department, "SCHEDULED", null, "2026-03-02 10:45:00", "2026-03-02 10:46:00", "INTERRUPTED", 0, 0,
                "The app instance running this sync stopped.");

        signIn(manager);
        navigate("setup/sync");

        assertThat(text("sync-last-success")).isEqualTo("Last successful sync: Mar 2, 2026, 10:00 AM");
        List<String> rows = historyRows();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("Mar 2, 2026, 10:45 AM, Scheduled, Interrupted after 1 min 0 s")
                .endsWith("The app instance running this sync stopped., instance-a");
        assertThat(rows.get(1)).startsWith("Mar 2, 2026, 10:30 AM, Scheduled, Failed after 3 s")
                .endsWith("Samsara could not be reached. Nothing was changed; the next run tries again., instance-a");
        assertThat(rows.get(2)).startsWith("Mar 2, 2026, 10:15 AM, Scheduled, Partly done after 2 min 5 s, "
                + "38 vehicles listed · 9 updated · 9 API calls, ").endsWith("retried next run., instance-a");
        assertThat(rows.get(3)).isEqualTo("Mar 2, 2026, 10:00 AM, Sync now by Ada Admin, Succeeded in 42 s, "
                + "38 vehicles listed · 12 updated · 12 API calls, , instance-a");
    }

    @Test
    void aRejectedTokenPausesTheSyncProminentlyAndTheBannerFollowsFixersToEveryScreen() {
        String manager = connectedDepartment();
        String admin = manager.replace("manager-", "admin-");
        String member = addMember(manager);
        jdbc.update("update samsara_connection set health = 'NEEDS_ATTENTION' where department_id = ?",
                departmentOf(manager));

        signIn(manager);
        navigate("setup/sync");
        assertThat(text("sync-paused")).contains("Samsara rejected the saved token. Scheduled syncs are paused")
                .contains("Open Setup > Settings");
        assertThat(text("sync-health")).isEqualTo("Connection: Needs attention: Samsara rejected the token");
        assertThat(_get(Button.class, spec -> spec.withText("Sync now")).isEnabled()).isFalse();
        assertThat(text("sync-now-unavailable")).contains("waits until the Samsara connection is fixed");
        assertThat(text("sync-next")).isEqualTo("Next scheduled sync: none, scheduled syncs are paused");

        for (String fixer : List.of(manager, admin)) {
            signIn(fixer);
            navigate("apparatus");
            Component banner = _get(Component.class, spec -> spec.withId("sync-paused-banner"));
            assertThat(banner.getElement().getTextRecursively()).contains("Scheduled syncs are paused");
            assertThat(_get(banner, RouterLink.class, spec -> spec.withText("Open Setup > Settings")).getHref())
                    .isEqualTo("setup/settings");
        }

        signIn(member);
        navigate("apparatus");
        _assertNone(Component.class, spec -> spec.withId("sync-paused-banner"));
        assertThat(text("apparatus-sync-summary")).startsWith("Samsara sync: paused until an administrator or data "
                + "manager fixes the Samsara connection");

        // fixed: the banner goes at the next navigation
        jdbc.update("update samsara_connection set health = 'OK' where department_id = ?", departmentOf(manager));
        signIn(manager);
        navigate("apparatus");
        _assertNone(Component.class, spec -> spec.withId("sync-paused-banner"));
    }

    @Test
    void theRunningSyncIsShownLiveAndTheScreenStopsListeningWhenLeft() throws InterruptedException {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        signIn(manager);
        navigate("setup/sync");
        assertThat(feed.subscribers(department)).isEqualTo(1);
        _assertNone(Component.class, spec -> spec.withId("sync-running"));

        publishFromAnotherThread(new SyncProgress(department, 4711, SyncTrigger.MANUAL, "Listing Samsara vehicles",
                0, 0, new SyncCounts(40, 0, 0, 0, 0), 1, false, null));
        MockVaadin.clientRoundtrip(false);
        _assertOne(Component.class, spec -> spec.withId("sync-running"));
        ProgressBar bar = _get(ProgressBar.class);
        assertThat(bar.isIndeterminate()).isTrue();
        assertThat(text("sync-running-text")).isEqualTo("Sync now running: Listing Samsara vehicles");
        assertThat(text("sync-running-counts")).startsWith("40 Samsara vehicles listed · 0 apparatus linked");

        publishFromAnotherThread(new SyncProgress(department, 4711, SyncTrigger.MANUAL, "Reading vehicle stats",
                5, 10, new SyncCounts(40, 30, 12, 1, 0), 7, false, null));
        MockVaadin.clientRoundtrip(false);
        assertThat(bar.isIndeterminate()).isFalse();
        assertThat(bar.getValue()).isEqualTo(0.5);
        assertThat(text("sync-running-counts")).isEqualTo("40 Samsara vehicles listed · 30 apparatus linked · "
                + "12 updated · 1 readings flagged · 0 vehicles gone · 7 API calls");

        // another department's run is none of this screen's business
        publishFromAnotherThread(new SyncProgress(department + 100_000, 1, SyncTrigger.SCHEDULED, "Elsewhere",
                9, 10, SyncCounts.NONE, 99, false, null));
        MockVaadin.clientRoundtrip(false);
        assertThat(bar.getValue()).isEqualTo(0.5);

        // the run ends: the page reads its data again (the run history now holds the finished run)
        run(department, "MANUAL", "Dana Manager", "2026-03-02 11:00:00", "2026-03-02 11:01:00", "SUCCEEDED", 40, 30,
                null);
        publishFromAnotherThread(new SyncProgress(department, 4711, SyncTrigger.MANUAL, "Done", 10, 10,
                new SyncCounts(40, 30, 30, 1, 0), 9, true, SyncOutcome.SUCCEEDED));
        MockVaadin.clientRoundtrip(false);
        expectNotifications("Sync finished: Succeeded");
        _assertNone(Component.class, spec -> spec.withId("sync-running"));
        assertThat(historyRows()).hasSize(1);
        assertThat(text("sync-last-success")).isEqualTo("Last successful sync: Mar 2, 2026, 11:01 AM");

        navigate("apparatus");
        assertThat(feed.subscribers(department)).isZero();
    }

    @Test
    void apparatusWithoutASamsaraIdAreListedEachLinkingToItsPage() {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        apparatus(department, "Engine 77", "1001");
        apparatus(department, "Ladder 78", null);
        apparatus(department, "Rescue 79", null);
        jdbc.update("update apparatus set link_flag = 'SAMSARA_VEHICLE_GONE' where department_id = ? "
                + "and unit_name = 'Engine 77'", department);
        jdbc.update("insert into samsara_vehicle (department_id, samsara_id, name, seen_at, refreshed_at) values "
                + "(?, '1001', 'E77', now(), now()), (?, '2002', 'Car 9', now(), now())", department, department);

        signIn(manager);
        navigate("setup/sync");
        assertThat(text("sync-linked")).isEqualTo("1 of 3 apparatus linked to Samsara, 0 of them synced");
        assertThat(text("sync-without-id")).startsWith("2 apparatus without a Samsara ID");
        assertThat(text("sync-vehicles-unlinked")).isEqualTo("1 Samsara vehicle linked to no apparatus: Car 9");
        assertThat(text("sync-flagged-links")).startsWith("1 flagged link");
        assertThat(text("sync-flagged-links-list")).isEqualTo("Samsara vehicle gone: 1 (Engine 77)");
        // a flagged link opens its apparatus' page, where it is reviewed
        long engineId = jdbc.queryForObject("select id from apparatus where department_id = ? and unit_name = ?",
                Long.class, department, "Engine 77");
        assertThat(_get(RouterLink.class, spec -> spec.withText("Engine 77")).getHref())
                .isEqualTo("apparatus/" + engineId);

        RouterLink ladder = _get(RouterLink.class, spec -> spec.withText("Ladder 78"));
        long ladderId = jdbc.queryForObject("select id from apparatus where department_id = ? and unit_name = ?",
                Long.class, department, "Ladder 78");
        assertThat(ladder.getHref()).isEqualTo("apparatus/" + ladderId);
        com.github.mvysny.kaributesting.v10.RouterLinkKt._click(ladder);
        _assertOne(ApparatusPageView.class);
        assertThat(_get(Component.class, spec -> spec.withId("apparatus-unit")).getElement().getTextRecursively())
                .isEqualTo("Ladder 78");
    }

    @Test
    void anIntervalOutsideFiveMinutesToADayIsRefusedInPlainWords() {
        String manager = connectedDepartment();
        signIn(manager);
        navigate("setup/sync");
        IntegerField interval = _get(IntegerField.class, spec -> spec.withLabel("Sync every (minutes)"));

        for (Integer wrong : new Integer[] {2, 1441, null}) {
            interval.setValue(wrong);
            _click(_get(Button.class, spec -> spec.withText("Save interval")));
            assertThat(interval.isInvalid()).isTrue();
            assertThat(interval.getErrorMessage()).isEqualTo("Choose how often to sync: from 5 minutes to 1440 "
                    + "minutes (once a day).");
        }
    }

    @Test
    void clientSuccessSeesEachDepartmentsIntegrationHealthButNotItsData() {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        String name = jdbc.queryForObject("select name from department where id = ?", String.class, department);
        run(department, "SCHEDULED", null, "2026-03-02 09:00:00", "2026-03-02 09:01:00", "SUCCEEDED", 40, 3, null);
        String notEntitled = departmentWithoutSamsara();
        String notEntitledName = jdbc.queryForObject("select name from department where id = ?", String.class,
                departmentOf(notEntitled));

        signIn("success");
        _assertOne(DepartmentsView.class);
        assertThat(departmentRow(name)).contains(", Working, Mar 2, 2026, 9:01 AM,");

        jdbc.update("update samsara_connection set health = 'NEEDS_ATTENTION' where department_id = ?", department);
        navigate("");
        navigate("departments");
        assertThat(departmentRow(name)).contains(", Needs attention, Mar 2, 2026, 9:01 AM,");
        assertThat(departmentRow(notEntitledName)).contains(", Not entitled, ,");
    }

    @Test
    void membersReadAOneLineSyncSummaryOnTheApparatusScreenButCannotOpenThePanel() {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        String member = addMember(manager);
        run(department, "SCHEDULED", null, "2026-03-02 09:00:00", "2026-03-02 09:01:00", "SUCCEEDED", 40, 3, null);
        jdbc.update("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version) "
                + "values (?, ?, '2099-01-01 12:00:00', false, 1)", SyncTask.NAME, String.valueOf(department));

        signIn(member);
        navigate("apparatus");
        assertThat(text("apparatus-sync-summary")).isEqualTo("Samsara sync: working · last successful sync "
                + "Mar 2, 2026, 9:01 AM · next Jan 1, 2099, 12:00 PM");
        _assertNone(Button.class, spec -> spec.withText("Sync now"));
        assertThatThrownBy(() -> navigate("setup/sync")).hasMessageContaining("Access is denied");
        _assertNone(SyncView.class);

        signIn("success");
        assertThatThrownBy(() -> navigate("setup/sync")).hasMessageContaining("Access is denied");
    }

    @Test
    void aReadingDaysOldShowsItsAgeOnTheApparatusScreen() {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        long id = apparatus(department, "Engine 80", "3003");
        jdbc.update("insert into apparatus_telemetry (apparatus_id, odometer_meters, read_at, synced_at) "
                + "values (?, 19867545, utc_timestamp() - interval 3 day - interval 5 minute, utc_timestamp())", id);

        signIn(manager);
        navigate("apparatus");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("unit") != null));
        String row = String.join(", ", _getFormattedRow(grid, 0));
        assertThat(row).contains("Engine 80").contains("12,345 mi").contains(" · 3 days ago");
    }

    @Test
    void syncNowStartsARunThatThePanelFollowsToItsEnd() throws InterruptedException {
        String manager = connectedDepartment();
        signIn(manager);
        navigate("setup/sync");
        CountDownLatch finished = new CountDownLatch(1);
        SyncProgressFeed.Subscription watch = feed.subscribe(p -> {
            if (p.finished()) {
                finished.countDown();
            }
        });
        try {
            _click(_get(Button.class, spec -> spec.withText("Sync now")));
            expectNotifications("Sync started");
            assertThat(finished.await(60, TimeUnit.SECONDS)).as("the run ended").isTrue();
        } finally {
            watch.cancel();
        }
        // The feed calls its subscribers in no set order: the screen's hand-over may reach the session just after
        // this test's latch
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return _find(Component.class, spec -> spec.withId("sync-running")).isEmpty()
                    && !com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications().isEmpty();
        });

        expectNotifications("Sync finished: Succeeded");
        _assertNone(Component.class, spec -> spec.withId("sync-running"));
        assertThat(historyRows()).singleElement().asString().contains("Sync now by " + manager + ", Succeeded");
        assertThat(text("sync-last-success")).doesNotContain("never");
        assertThat(text("sync-vehicles-unlinked")).containsPattern("^\\d+ Samsara vehicles linked to no apparatus");
    }

    @Test
    void syncNowSaysWhyItCannotRunWhenTheConnectionChangedMeanwhile() {
        String manager = connectedDepartment();
        signIn(manager);
        navigate("setup/sync");
        jdbc.update("update samsara_connection set health = 'NEEDS_ATTENTION' where department_id = ?",
                departmentOf(manager));
        _click(_get(Button.class, spec -> spec.withText("Sync now")));
        expectNotifications(SyncNowOutcome.PAUSED.message());
        assertThat(text("sync-paused")).contains("Samsara rejected the saved token");

        String other = connectedDepartment();
        signIn(other);
        navigate("setup/sync");
        IntegrationTestAccess.disableSamsaraFor(jdbc, other);
        _click(_get(Button.class, spec -> spec.withText("Sync now")));
        expectNotifications(SyncNowOutcome.NOT_CONNECTED.message());
        assertThat(text("sync-not-connected")).contains("switched off");
    }

    @Test
    void syncNowWhileARunIsActiveJoinsIt() {
        String manager = connectedDepartment();
        jdbc.update("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, "
                        + "last_heartbeat, version) values (?, ?, utc_timestamp(6), true, 'another-instance', "
                        + "utc_timestamp(6), 1)", SyncTask.NAME, String.valueOf(departmentOf(manager)));
        signIn(manager);
        navigate("setup/sync");
        _click(_get(Button.class, spec -> spec.withText("Sync now")));
        expectNotifications(SyncNowOutcome.JOINED_RUNNING.message());
    }

    @Test
    void aFlaggedReadingIsAcceptedAsTheNewBaselineAfterAConfirmation() {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        long engine = apparatus(department, "Engine 81", "4004");
        jdbc.update("""
                insert into meter_reading (department_id, apparatus_id, kind, meter_value, read_at, synced_at, flag,
                  flag_reason, compared_value)
                values (?, ?, 'ODOMETER', 1609344, '2026-03-02 08:00:00', '2026-03-02 08:05:00',
                  'LOWER_THAN_PREVIOUS', 'Lower than the previous reading', 160934400)""", department, engine);

        signIn(manager);
        navigate("setup/sync");
        assertThat(text("sync-flagged-readings")).startsWith("1 reading was kept but not used");
        @SuppressWarnings("unchecked")
        Grid<Object> readings = _get(Grid.class, spec -> spec.withId("sync-flagged-readings-grid"));
        assertThat(plain(String.join(", ", _getFormattedRow(readings, 0))))
                .startsWith("RouterLink[text='Engine 81'], Odometer, 1,000 mi, Mar 2, 2026, 8:00 AM, 100,000 mi, Lower than the "
                        + "previous reading");

        assertThat(((RouterLink) _getCellComponent(readings, 0, "unit")).getHref()).isEqualTo("apparatus/" + engine);
        _click((Button) _getCellComponent(readings, 0, "accept"));
        Dialog confirmation = _get(Dialog.class);
        assertThat(confirmation.getHeaderTitle()).isEqualTo("Accept as the new baseline?");
        _click(_get(confirmation, Button.class, spec -> spec.withText("Accept as baseline")));

        expectNotifications("Engine 81's odometer reading of 1,000 mi is the new baseline.");
        assertThat(text("sync-flagged-readings")).startsWith("No odometer or engine-hour reading is waiting");
        assertThat(jdbc.queryForObject("select flag from meter_reading where apparatus_id = ?", String.class, engine))
                .isEqualTo("ACCEPTED_AS_BASELINE");
        assertThat(jdbc.queryForObject("select odometer_meters from apparatus_telemetry where apparatus_id = ?",
                Long.class, engine)).isEqualTo(1609344L);
        assertThat(jdbc.queryForList("select action from audit_event where department_id = ?", String.class,
                department)).contains("METER_BASELINE_ACCEPTED");
    }

    @Test
    void theNextScheduledSyncIsShownInTheDepartmentsTime() {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        jdbc.update("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version) "
                + "values (?, ?, '2099-01-01 12:00:00', false, 1)", SyncTask.NAME, String.valueOf(department));
        jdbc.update("update department set time_zone = 'America/Chicago' where id = ?", department);
        signIn(manager);
        navigate("setup/sync");
        assertThat(text("sync-next")).isEqualTo("Next scheduled sync: Jan 1, 2099, 6:00 AM");

        // a run that just ended has not moved its next time yet (held as picked by an instance with a live
        // heartbeat, so this application's scheduler does not run it meanwhile)
        jdbc.update("update scheduled_tasks set execution_time = utc_timestamp(6) - interval 1 second, picked = true, "
                + "picked_by = 'another-instance', last_heartbeat = utc_timestamp(6) + interval 1 hour "
                + "where task_name = ? and task_instance = ?", SyncTask.NAME, String.valueOf(department));
        navigate("apparatus");
        navigate("setup/sync");
        assertThat(text("sync-next")).isEqualTo("Next scheduled sync: in about 15 minutes");
    }

    @Test
    void longListsNameTheFirstFiftyAndSayHowManyMore() {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        for (int i = 1; i <= 52; i++) {
            apparatus(department, String.format("Unit %02d", i), null);
        }
        signIn(manager);
        navigate("setup/sync");
        assertThat(_find(RouterLink.class, spec -> spec.withPredicate(l -> l.getText().startsWith("Unit ")))).hasSize(50);
        assertThat(text("sync-without-id-more")).isEqualTo("…and 2 more: tick \"Not linked to Samsara\" on the "
                + "Apparatus screen to see them all.");
    }

    // --- helpers

    /** An entitled department connected to the simulated Samsara; returns its data manager's username. */
    private String connectedDepartment() {
        String manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        departmentsMade.add(manager);
        return manager;
    }

    /** A department whose plan lacks Samsara; returns its administrator's username. */
    private String departmentWithoutSamsara() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Sync Panel Test Fire " + suffix;
        jdbc.update("insert into department (name, samsara_entitled, created_at) values (?, false, now())", name);
        long id = jdbc.queryForObject("select id from department where name = ?", Long.class, name);
        String admin = "sync-admin-" + suffix;
        jdbc.update("insert into app_user (department_id, username, display_name, password_hash, role, created_at) "
                + "values (?, ?, 'Sam Admin', '{noop}not-used', 'ADMINISTRATOR', now())", id, admin);
        departmentsMade.add(admin);
        return admin;
    }

    private String addMember(String colleague) {
        String member = "member-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("insert into app_user (department_id, username, display_name, password_hash, role, created_at) "
                + "values (?, ?, 'Max Member', '{noop}not-used', 'MEMBER', now())", departmentOf(colleague), member);
        return member;
    }

    private long departmentOf(String username) {
        return jdbc.queryForObject("select department_id from app_user where username = ?", Long.class, username);
    }

    private void run(long department, String trigger, String by, String started, String finished, String outcome,
                     int listed, int updated, String error) {
        jdbc.update("""
                        insert into sync_run (department_id, trigger_kind, requested_by, started_at, finished_at,
                          outcome, vehicles_listed, apparatus_linked, apparatus_updated, api_calls, error, run_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'instance-a')""",
                department, trigger, by, started, finished, outcome, listed, updated, updated, updated, error);
        if ("SUCCEEDED".equals(outcome)) {
            // what SyncRuns.finish keeps for the Client Success grid when a run succeeds
            jdbc.update("""
                    insert into sync_last_success (department_id, finished_at) values (?, ?)
                    on duplicate key update finished_at = greatest(finished_at, values(finished_at))""",
                    department, finished);
        }
    }

    private long apparatus(long department, String unit, String samsaraId) {
        jdbc.update("""
                insert into apparatus (department_id, unit_name, type, status, samsara_vehicle_id, link_flag, version)
                values (?, ?, 'ENGINE', 'IN_SERVICE', ?, 'NONE', 0)""", department, unit, samsaraId);
        return jdbc.queryForObject("select id from apparatus where department_id = ? and unit_name = ?", Long.class,
                department, unit);
    }

    /** As the sync's background thread would: the event arrives on a thread that is not the UI's. */
    private void publishFromAnotherThread(SyncProgress progress) throws InterruptedException {
        Thread publisher = Thread.ofPlatform().start(() -> events.publishEvent(progress));
        publisher.join();
    }

    private static String text(String id) {
        return plain(_get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively());
    }

    /** Times read "10:00 AM" with a narrow no-break space before AM; the tests write a plain space. */
    private static String plain(String text) {
        return text.replace('\u202f', ' ');
    }

    private static List<String> historyRows() {
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId("sync-history"));
        return IntStream.range(0, _size(grid)).mapToObj(i -> plain(String.join(", ", _getFormattedRow(grid, i)))).toList();
    }

    private static String departmentRow(String name) {
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _find(Grid.class).getFirst();
        return IntStream.range(0, _size(grid)).mapToObj(i -> plain(String.join(", ", _getFormattedRow(grid, i))))
                .filter(row -> row.startsWith(name + ",")).findFirst().orElseThrow();
    }
}
