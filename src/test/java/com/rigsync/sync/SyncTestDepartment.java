package com.rigsync.sync;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh department of the sync tests with an administrator, a data manager and a member (username prefix + role),
 * so tests never meet each other's data in the shared database. {@link #delete} removes it with everything in it.
 */
public record SyncTestDepartment(long id, String suffix) {

    public static SyncTestDepartment create(JdbcTemplate jdbc) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Sync Test Fire " + suffix;
        jdbc.update("insert into department (name, samsara_entitled, created_at) values (?, true, now())", name);
        long id = jdbc.queryForObject("select id from department where name = ?", Long.class, name);
        SyncTestDepartment department = new SyncTestDepartment(id, suffix);
        for (String role : new String[] {"ADMINISTRATOR", "DATA_MANAGER", "MEMBER"}) {
            jdbc.update("insert into app_user (department_id, username, display_name, password_hash, role, created_at) "
                    + "values (?, ?, ?, '{noop}not-used', ?, now())", id, department.user(role),
                    role.charAt(0) + role.substring(1).toLowerCase() + " " + suffix, role);
        }
        return department;
    }

    public String user(String role) {
        return role.toLowerCase().replace('_', '-') + "-" + suffix;
    }

    public long apparatus(JdbcTemplate jdbc, String unitName, String vin, String samsaraId) {
        jdbc.update("insert into apparatus (department_id, unit_name, type, status, vin, vin_normalized, "
                + "samsara_vehicle_id) values (?, ?, 'ENGINE', 'IN_SERVICE', ?, ?, ?)", id, unitName, vin,
                com.rigsync.apparatus.Vin.normalize(vin), samsaraId);
        return jdbc.queryForObject("select id from apparatus where department_id = ? and unit_name = ?", Long.class,
                id, unitName);
    }

    public static void delete(JdbcTemplate jdbc, long departmentId) {
        for (String table : new String[] {"meter_reading", "apparatus", "samsara_vehicle", "samsara_connection",
                "audit_event", "sync_run", "sync_feed_cursor", "app_user"}) {
            jdbc.update("delete from " + table + " where department_id = ?", departmentId);
        }
        jdbc.update("delete from department where id = ?", departmentId);
    }

    public void delete(JdbcTemplate jdbc) {
        delete(jdbc, id);
    }
}
