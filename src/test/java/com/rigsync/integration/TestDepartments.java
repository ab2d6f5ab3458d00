package com.rigsync.integration;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh department per test, with an administrator and a data manager, so tests that change a department's
 * Samsara connection never meet each other's state in the shared database.
 */
record TestDepartments(long id, String name, String admin, String adminName, String manager, String managerName) {

    static TestDepartments create(JdbcTemplate jdbc, boolean entitled) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Settings Test Fire " + suffix;
        jdbc.update("insert into department (name, samsara_entitled, created_at) values (?, ?, now())", name, entitled);
        long id = jdbc.queryForObject("select id from department where name = ?", Long.class, name);
        TestDepartments department = new TestDepartments(id, name, "admin-" + suffix, "Ada Admin " + suffix,
                "manager-" + suffix, "Dana Manager " + suffix);
        user(jdbc, id, department.admin(), department.adminName(), "ADMINISTRATOR");
        user(jdbc, id, department.manager(), department.managerName(), "DATA_MANAGER");
        return department;
    }

    /** Removes the department and everything the tests made for it, so other tests' screens do not list it. */
    void delete(JdbcTemplate jdbc) {
        for (String table : new String[] {"apparatus", "samsara_vehicle", "samsara_connection",
                "audit_event", "app_user"}) {
            jdbc.update("delete from " + table + " where department_id = ?", id);
        }
        jdbc.update("delete from department where id = ?", id);
    }

    private static void user(JdbcTemplate jdbc, long departmentId, String username, String name, String role) {
        jdbc.update("insert into app_user (department_id, username, display_name, password_hash, role, created_at) "
                + "values (?, ?, ?, '{noop}not-used', ?, now())", departmentId, username, name, role);
    }
}
