package com.rigsync.apparatus;

import java.util.HashMap;
import java.util.Map;

import com.rigsync.integration.LinkedApparatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Linked and not linked apparatus counts for Client Success, from the table this feature owns. */
@Component
class ApparatusLinkCounts implements LinkedApparatus {

    private final JdbcClient jdbc;

    ApparatusLinkCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Counts counts(long departmentId) {
        return jdbc.sql("select count(samsara_vehicle_id), count(*) - count(samsara_vehicle_id) from apparatus"
                        + " where department_id = ?")
                .param(departmentId)
                .query((rs, row) -> new Counts(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> linkedByDepartment() {
        Map<Long, Long> linked = new HashMap<>();
        jdbc.sql("select department_id, count(*) from apparatus where samsara_vehicle_id is not null"
                        + " group by department_id")
                .query((rs, row) -> linked.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return linked;
    }
}
