package com.rigsync.department;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DepartmentRepository extends JpaRepository<Department, Long> {

    Optional<Department> findByName(String name);

    boolean existsByName(String name);

    /**
     * The department for a plan change: its version moves with every change, even one that only schedules or
     * cancels a switch-off, so a second Client Success page still showing the old plan is refused.
     */
    @Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
    @Query("select d from Department d where d.id = :id")
    Optional<Department> findForChange(long id);
}
