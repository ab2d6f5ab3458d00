package com.rigsync.clientsuccess;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import com.rigsync.SpringAppTest;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The billing CSV counts each department's Samsara API calls by month, with its plan and linked apparatus. */
@SpringAppTest
class UsageExportTest {

    @Autowired
    private UsageExport export;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void eachDepartmentsCallsAreCountedInTheirMonth() {
        jdbc.update("insert into department (name, samsara_entitled, created_at) values ('Billing Test Fire', true, now())");
        long id = jdbc.queryForObject("select id from department where name = 'Billing Test Fire'", Long.class);
        jdbc.update("insert into sync_run (department_id, trigger_kind, started_at, finished_at, outcome, api_calls)"
                + " values (?, 'SCHEDULED', utc_timestamp(6), utc_timestamp(6), 'SUCCEEDED', 7),"
                + " (?, 'SCHEDULED', utc_timestamp(6), utc_timestamp(6), 'FAILED', 3),"
                + " (?, 'SCHEDULED', utc_timestamp(6) - interval 40 day, utc_timestamp(6) - interval 40 day,"
                + " 'SUCCEEDED', 100)", id, id, id);
        SignIn.as(users, "success");

        List<String> lines = new String(export.csv(), StandardCharsets.UTF_8).lines().toList();

        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        assertThat(lines.getFirst()).startsWith("Department,Samsara integration,Connection,Samsara organisation,"
                + "Apparatus linked,API calls " + now.minusMonths(11)).endsWith("API calls " + now);
        String row = lines.stream().filter(l -> l.startsWith("Billing Test Fire,")).findFirst().orElseThrow();
        assertThat(row).startsWith("Billing Test Fire,Included,Off,,0,").endsWith(",10");
        // 40 days ago fell in the previous month or the one before; either way counted apart from this month
        assertThat(row.split(",")).hasSize(17).contains("100");
    }

    @Test
    void onlyClientSuccessExports() {
        SignIn.as(users, "admin");
        assertThatThrownBy(() -> export.csv()).isInstanceOf(AccessDeniedException.class);
    }
}
