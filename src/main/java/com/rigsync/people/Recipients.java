package com.rigsync.people;

import java.util.List;

import com.rigsync.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who can be mailed: the enabled people of a department, or the enabled Client Success accounts, each with the
 * address they set (or null). A system call for alerts, which names the department itself.
 */
@Component
public class Recipients {

    public record Recipient(long userId, String displayName, Role role, String email) {
    }

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Recipient> ofDepartment(long departmentId) {
        return jdbc.sql("select id, display_name, role, email from app_user where department_id = ? and enabled "
                        + "order by id")
                .param(departmentId).query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2),
                        Role.valueOf(rs.getString(3)), rs.getString(4))).list();
    }

    @Transactional(readOnly = true)
    public List<Recipient> clientSuccess() {
        return jdbc.sql("select id, display_name, role, email from app_user where role = 'CLIENT_SUCCESS' and enabled "
                        + "order by id")
                .query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4))).list();
    }
}
