package com.rigsync.integration;

import com.rigsync.testing.SignIn;
import java.util.List;

import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedSamsaraServer;
import com.rigsync.security.SignedInUser;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** For tests in other packages (browser tests): the integration's test fakes and test departments. */
public final class IntegrationTestAccess {

    /** The password of the users {@link TestDepartments} creates. */
    public static final String PASSWORD = "not-used";

    private IntegrationTestAccess() {
    }

    /**
     * Registers the fake regions in this application and makes an entitled department whose connection is enabled
     * on the fake that accepts any token (as another organisation); returns its administrator's username.
     */
    public static String departmentReadyToConnect(ApplicationContext context, JdbcTemplate jdbc) {
        TestSamsara.setUp(context.getBean(SamsaraRegions.class));
        TestDepartments department = TestDepartments.create(jdbc, true);
        jdbc.update("insert into samsara_connection (department_id, enabled, region, health, updated_by, updated_at) "
                + "values (?, true, ?, 'NOT_CONNECTED', ?, now())", department.id(), TestSamsara.OTHER_ORGANISATION,
                department.adminName());
        return department.admin();
    }

    /**
     * Makes an entitled department whose (empty, enabled) connection is in the demo's own simulated region, the one
     * the app serves itself; returns its administrator's username. For "Connect with Samsara" in a real browser.
     */
    public static String departmentReadyForOAuth(JdbcTemplate jdbc) {
        TestDepartments department = TestDepartments.create(jdbc, true);
        jdbc.update("insert into samsara_connection (department_id, enabled, region, health, updated_by, updated_at) "
                + "values (?, true, ?, 'NOT_CONNECTED', ?, now())", department.id(), SamsaraRegions.SIMULATED,
                department.adminName());
        return department.admin();
    }

    /** Removes a department {@link #departmentReadyToConnect} made, with everything in it. */
    public static void removeDepartmentOf(JdbcTemplate jdbc, String username) {
        Long id = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class, username);
        jdbc.update("delete from scheduled_tasks where task_name = 'department-sync' and task_instance = ?",
                String.valueOf(id));
        for (String table : new String[] {"sync_run", "sync_feed_cursor", "meter_reading", "apparatus",
                "samsara_vehicle", "samsara_connection", "audit_event", "app_user"}) {
            jdbc.update("delete from " + table + " where department_id = ?", id);
        }
        jdbc.update("delete from department where id = ?", id);
    }

    /** The simulated Samsara of the tests (faults reset), with its regions registered in this application. */
    public static SimulatedSamsaraServer simulator(ApplicationContext context) {
        return TestSamsara.setUp(context.getBean(SamsaraRegions.class));
    }

    /**
     * Makes an entitled department connected (enabled, verified token) to the simulated Springfield organisation with
     * the given tag filter; returns its data manager's username. Nobody is signed in afterwards.
     */
    public static String departmentConnectedToSimulator(ApplicationContext context, JdbcTemplate jdbc,
                                                        List<String> tagIds) {
        TestSamsara.setUp(context.getBean(SamsaraRegions.class));
        return departmentConnectedTo(context, jdbc, TestSamsara.SIMULATED, tagIds);
    }

    /**
     * Like {@link #departmentConnectedToSimulator} for a simulator of the test's own (e.g. a large fleet), registered
     * as region {@code regionKey} at {@code baseUrl}.
     */
    public static String departmentConnectedTo(ApplicationContext context, JdbcTemplate jdbc, String regionKey,
                                               String baseUrl, List<String> tagIds) {
        context.getBean(SamsaraRegions.class).register(regionKey, "Test simulator " + regionKey, baseUrl);
        return departmentConnectedTo(context, jdbc, regionKey, tagIds);
    }

    private static String departmentConnectedTo(ApplicationContext context, JdbcTemplate jdbc, String regionKey,
                                                List<String> tagIds) {
        TestDepartments department = TestDepartments.create(jdbc, true);
        connect(context, department, regionKey, SimulatedSamsara.GLOBAL_READ_TOKEN, tagIds);
        return department.manager();
    }

    private static void connect(ApplicationContext context, TestDepartments department, String regionKey,
                                String token, List<String> tagIds) {
        SignedInUser admin = (SignedInUser) context.getBean(UserDetailsService.class)
                .loadUserByUsername(department.admin());
        SignIn.as(admin);
        try {
            SaveResult saved = context.getBean(SamsaraSettingsService.class).save(new SettingsChange(true,
                    regionKey, tagIds, token, false, false, null));
            if (!(saved instanceof SaveResult.Saved)) {
                throw new IllegalStateException("could not connect the test department: " + saved);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A test department's id and the usernames of its administrator and data manager. */
    public record TestDepartment(long id, String admin, String manager) {
    }

    /** An entitled (or not) department with no Samsara connection; nobody is signed in afterwards. */
    public static TestDepartment unconnectedDepartment(JdbcTemplate jdbc, boolean entitled) {
        TestDepartments department = TestDepartments.create(jdbc, entitled);
        return new TestDepartment(department.id(), department.admin(), department.manager());
    }

    /**
     * An entitled department connected (enabled, verified) with {@code token} (one of the simulator's demo tokens) to
     * the shared simulated Springfield organisation, or, when {@code baseUrl} is given, to a Samsara fake of the
     * test's own registered as region {@code regionKey}. Nobody is signed in afterwards.
     */
    public static TestDepartment departmentConnectedWith(ApplicationContext context, JdbcTemplate jdbc, String token,
                                                         String regionKey, String baseUrl) {
        TestSamsara.setUp(context.getBean(SamsaraRegions.class));
        String region = TestSamsara.SIMULATED;
        if (baseUrl != null) {
            context.getBean(SamsaraRegions.class).register(regionKey, "Test Samsara " + regionKey, baseUrl);
            region = regionKey;
        }
        TestDepartments department = TestDepartments.create(jdbc, true);
        connect(context, department, region, token, List.of());
        return new TestDepartment(department.id(), department.admin(), department.manager());
    }

    /** Removes a test department with everything in it. */
    public static void removeDepartment(JdbcTemplate jdbc, TestDepartment department) {
        removeDepartmentOf(jdbc, department.admin());
    }

    /** Points the department's connection at a Samsara nobody answers on. */
    public static void makeSamsaraUnreachableFor(JdbcTemplate jdbc, String username) {
        jdbc.update("update samsara_connection c join app_user u on u.department_id = c.department_id "
                + "set c.region = ? where u.username = ?", TestSamsara.DOWN, username);
    }

    /** Switches the department's connection off (the token stays saved). */
    public static void disableSamsaraFor(JdbcTemplate jdbc, String username) {
        jdbc.update("update samsara_connection c join app_user u on u.department_id = c.department_id "
                + "set c.enabled = false where u.username = ?", username);
    }

    /**
     * Stores a token for the user's department without asking Samsara, as if its scopes had been cut after it was
     * saved (Settings refuses a token that lacks a scope the sync needs).
     */
    public static void storeTokenUnchecked(ApplicationContext context, JdbcTemplate jdbc, String username,
                                           String token) {
        long departmentId = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                username);
        String ciphertext = context.getBean(TokenVault.class).encrypt(SecretSlot.secret(departmentId), token);
        jdbc.update("update samsara_connection c join app_user u on u.department_id = c.department_id "
                + "set c.secret_ciphertext = ? where u.username = ?", ciphertext, username);
    }

    public static String storedSecret(JdbcTemplate jdbc, String username) {
        return jdbc.queryForObject("select c.secret_ciphertext from samsara_connection c join app_user u "
                + "on u.department_id = c.department_id where u.username = ?", String.class, username);
    }

    /**
     * Gives {@code departmentId} a copy of {@code templateDepartmentId}'s Samsara connection (region, tags, health)
     * with its own {@code token} and its own Samsara organisation id, as separate departments have, so the
     * organisation-wide rate limits do not bind them together; without asking Samsara: for benchmarks that need
     * hundreds of connected departments quickly.
     */
    public static void copyConnection(ApplicationContext context, JdbcTemplate jdbc, long templateDepartmentId,
                                      long departmentId, String token) {
        List<String> columns = jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = database() and table_name = 'samsara_connection'
                  and column_name <> 'department_id' and extra not like '%GENERATED%'""", String.class);
        String list = String.join(", ", columns);
        jdbc.update("insert into samsara_connection (department_id, " + list + ") select ?, " + list
                + " from samsara_connection where department_id = ?", departmentId, templateDepartmentId);
        jdbc.update("update samsara_connection set secret_ciphertext = ? where department_id = ?",
                context.getBean(TokenVault.class).encrypt(SecretSlot.secret(departmentId), token), departmentId);
        jdbc.update("update samsara_connection set org_id = ? where department_id = ?", "bench-org-" + departmentId,
                departmentId);
    }

    /** Switches the Samsara call metrics off and on (the metrics overhead benchmark compares the two). */
    public static void countSamsaraCalls(ApplicationContext context, boolean on) {
        context.getBean(SamsaraClients.class).counting(on);
    }
}
