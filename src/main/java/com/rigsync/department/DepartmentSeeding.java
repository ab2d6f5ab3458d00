package com.rigsync.department;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates departments at start-up, before anyone can sign in (the demo). Never reachable from a screen. */
@Component
public class DepartmentSeeding {

    private final DepartmentRepository departments;
    private final Clock clock;

    DepartmentSeeding(DepartmentRepository departments, Clock clock) {
        this.departments = departments;
        this.clock = clock;
    }

    /** The department's id, creating it (with the given entitlement) if it does not exist yet. */
    @Transactional
    public long ensureDepartment(String name, boolean samsaraEntitled) {
        return departments.findByName(name).map(Department::getId).orElseGet(() -> {
            Department department = new Department(name, clock.instant());
            department.setSamsaraEntitled(samsaraEntitled);
            return departments.save(department).getId();
        });
    }
}
