package com.rigsync.demo;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The demo's own department (Springfield), whose administrators and data managers may work the fault switches. */
@Component
@Profile("demo")
public class DemoDepartment {

    private final JdbcTemplate jdbc;

    DemoDepartment(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean is(Long departmentId) {
        return departmentId != null && jdbc.queryForList("select id from department where name = ?", Long.class,
                DemoData.SPRINGFIELD).contains(departmentId);
    }
}
