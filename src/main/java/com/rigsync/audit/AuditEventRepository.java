package com.rigsync.audit;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    @Query("""
            select e from AuditEvent e
            where e.departmentId = :departmentId
              and (:action is null or e.action = :action)
              and (:actor is null or e.actor = :actor)
            order by e.at desc, e.id desc""")
    List<AuditEvent> findForDepartment(@Param("departmentId") long departmentId, @Param("action") AuditAction action,
                                       @Param("actor") String actor, Pageable page);

    @Query("""
            select e from AuditEvent e
            where e.departmentId = :departmentId and e.apparatusId = :apparatusId
            order by e.at desc, e.id desc""")
    List<AuditEvent> findForApparatus(@Param("departmentId") long departmentId,
                                      @Param("apparatusId") long apparatusId, Pageable page);

    @Query("select distinct e.actor from AuditEvent e where e.departmentId = :departmentId order by e.actor")
    List<String> actorsOf(@Param("departmentId") long departmentId);
}
