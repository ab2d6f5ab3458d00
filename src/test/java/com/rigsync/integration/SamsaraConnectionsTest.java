package com.rigsync.integration;

import java.util.ArrayList;
import java.util.List;

import com.rigsync.SpringAppTest;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedSamsaraServer;
import com.rigsync.samsara.InvalidTokenException;
import com.rigsync.samsara.TagFilter;
import com.rigsync.samsara.VehicleQuery;
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

/** The API later features use: sessions only when entitled, enabled and connected; success and failure recorded. */
@SpringAppTest
class SamsaraConnectionsTest {

    @Autowired
    private SamsaraConnections connections;
    @Autowired
    private SamsaraSettingsService settings;
    @Autowired
    private SamsaraRegions regions;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private SimulatedSamsaraServer samsara;

    @BeforeEach
    void fakes() {
        samsara = TestSamsara.setUp(regions);
    }

    private final List<TestDepartments> created = new ArrayList<>();

    @AfterEach
    void signOutAndRemoveTestDepartments() {
        SecurityContextHolder.clearContext();
        created.forEach(d -> d.delete(jdbc));
    }

    @Test
    void aSessionExistsOnlyWhenEntitledEnabledAndATokenIsSaved() {
        TestDepartments department = track(TestDepartments.create(jdbc, true));
        signInAs(department.manager());
        assertThat(connections.sessionForCurrentDepartment()).isEmpty();

        save(false, SimulatedSamsara.GLOBAL_READ_TOKEN, null);
        assertThat(connections.sessionForCurrentDepartment()).as("switched off").isEmpty();
        save(true, null, 0L);
        ConnectedSamsara session = connections.sessionForCurrentDepartment().orElseThrow();
        assertThat(session.departmentId()).isEqualTo(department.id());
        assertThat(session.organizationId()).isEqualTo("11235813");
        assertThat(session.toString()).doesNotContain(SimulatedSamsara.GLOBAL_READ_TOKEN);
        assertThat(session.samsara().me().name()).isEqualTo("Springfield Fire Rescue (simulated)");

        SecurityContextHolder.clearContext();
        assertThat(connections.sessionFor(department.id())).as("background work, nobody signed in").isPresent();
        jdbc.update("update department set samsara_entitled = false where id = ?", department.id());
        assertThat(connections.sessionFor(department.id())).isEmpty();
    }

    @Test
    void aSuccessClearsNotYetVerifiedAndA401MarksTheConnectionAsNeedingAttention() {
        TestDepartments department = track(TestDepartments.create(jdbc, true));
        signInAs(department.admin());
        samsara.samsara().failNextRequests(100, 503);
        SaveResult unreachable = settings.save(new SettingsChange(true, TestSamsara.SIMULATED, List.of(),
                SimulatedSamsara.DRIVER_TOKENS_TOKEN, false, false, null));
        assertThat(unreachable).isInstanceOf(SaveResult.SamsaraUnreachable.class);
        assertThat(settings.save(new SettingsChange(true, TestSamsara.SIMULATED, List.of(),
                SimulatedSamsara.DRIVER_TOKENS_TOKEN, false, false, null).withSaveUnverified()))
                .isInstanceOf(SaveResult.Saved.class);
        samsara.samsara().resetFaults();
        assertThat(settings.settings().health()).isEqualTo(ConnectionHealth.NOT_YET_VERIFIED);
        assertThat(settings.settings().lastUsedAt()).isNull();

        ConnectedSamsara session = connections.sessionFor(department.id()).orElseThrow();
        assertThat(session.samsara().vehicles(VehicleQuery.all()).count()).isPositive();
        connections.recordSuccess(session);
        assertThat(settings.settings().health()).isEqualTo(ConnectionHealth.OK);
        assertThat(settings.settings().lastUsedAt()).isNotNull();

        samsara.samsara().revokeToken(SimulatedSamsara.DRIVER_TOKENS_TOKEN);
        InvalidTokenException rejected = null;
        try {
            session.samsara().me();
        } catch (InvalidTokenException e) {
            rejected = e;
        }
        assertThat(rejected).isNotNull();
        connections.recordFailure(session, rejected);
        connections.recordFailure(session, rejected);
        assertThat(settings.settings().health()).isEqualTo(ConnectionHealth.NEEDS_ATTENTION);
        assertThat(stateChanges(department)).containsExactly(
                "Needs attention: Samsara rejected the token; scheduled syncs are paused until the token is replaced");

        samsara.samsara().resetFaults();
        connections.recordSuccess(session);
        assertThat(stateChanges(department)).containsExactly(
                "Needs attention: Samsara rejected the token; scheduled syncs are paused until the token is replaced",
                "Needs attention: Samsara rejected the token → Working");
    }

    private List<String> stateChanges(TestDepartments department) {
        return jdbc.queryForList("select detail from audit_event where department_id = ? and action = "
                + "'SAMSARA_CONNECTION_STATE_CHANGED' order by id", String.class, department.id());
    }

    @Test
    void onlyAdministratorsAndDataManagersOfTheDepartmentUseTheSettings() {
        for (String username : new String[] {"member", "success"}) {
            signInAs(username);
            assertThatThrownBy(() -> settings.settings()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> settings.save(new SettingsChange(true, "us", List.of(), "x-token-123456", false,
                    false, null))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> settings.testConnection("x-token-123456", "us", TagFilter.none()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> settings.removeToken(0L)).isInstanceOf(AccessDeniedException.class);
        }
        signInAs("success");
        assertThatThrownBy(() -> connections.sessionForCurrentDepartment()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theSettingsViewModelNeverHoldsTheToken() {
        TestDepartments department = track(TestDepartments.create(jdbc, true));
        signInAs(department.admin());
        save(true, SimulatedSamsara.GLOBAL_READ_TOKEN, null);
        SamsaraSettings shown = settings.settings();
        assertThat(shown.toString()).doesNotContain(SimulatedSamsara.GLOBAL_READ_TOKEN).doesNotContain("v1:").doesNotContain("v2:");
        assertThat(shown.savedToken().last4()).isEqualTo("read");
        assertThat(shown.savedToken().savedBy()).isEqualTo(department.adminName());
        assertThat(new SettingsChange(true, "us", List.of(), SimulatedSamsara.GLOBAL_READ_TOKEN, false, false, 1L)
                .toString()).doesNotContain(SimulatedSamsara.GLOBAL_READ_TOKEN);
    }

    private void save(boolean enabled, String token, Long version) {
        assertThat(settings.save(new SettingsChange(enabled, TestSamsara.SIMULATED, List.of(), token, false, false,
                version))).isInstanceOf(SaveResult.Saved.class);
    }

    private TestDepartments track(TestDepartments department) {
        created.add(department);
        return department;
    }

    private void signInAs(String username) {
        SignIn.as(users, username);
    }
}
