package com.rigsync.apparatus;

import com.rigsync.integration.ApparatusCount;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets Test connection warn when the token sees fewer Samsara vehicles than the department has apparatus. */
@Component
class DepartmentApparatusCount implements ApparatusCount {

    private final ApparatusRepository apparatus;

    DepartmentApparatusCount(ApparatusRepository apparatus) {
        this.apparatus = apparatus;
    }

    @Override
    @Transactional(readOnly = true)
    public long apparatusCount(long departmentId) {
        return apparatus.countByDepartmentId(departmentId);
    }
}
