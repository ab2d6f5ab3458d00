package com.rigsync.integration;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

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

    /** Removes a department {@link #departmentReadyToConnect} made, with everything in it. */
    public static void removeDepartmentOf(JdbcTemplate jdbc, String username) {
        Long id = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class, username);
        for (String table : new String[] {"samsara_connection", "audit_event", "app_user"}) {
            jdbc.update("delete from " + table + " where department_id = ?", id);
        }
        jdbc.update("delete from department where id = ?", id);
    }

    public static String storedSecret(JdbcTemplate jdbc, String username) {
        return jdbc.queryForObject("select c.secret_ciphertext from samsara_connection c join app_user u "
                + "on u.department_id = c.department_id where u.username = ?", String.class, username);
    }
}
