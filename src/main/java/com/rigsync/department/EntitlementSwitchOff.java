package com.rigsync.department;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Switches the paid Samsara integration off on the day Client Success set (a contract's end), once that day has come
 * in the department's time zone. Runs from a cluster-wide db-scheduler task ({@link EntitlementScheduling}), so one
 * instance applies each change; marking it applied is conditional too, so a change is never applied twice.
 */
@Component
class EntitlementSwitchOff {

    private static final Logger log = LoggerFactory.getLogger(EntitlementSwitchOff.class);

    private final EntitlementChanges changes;
    private final DepartmentRepository departments;
    private final AuditService audit;
    private final Clock clock;

    EntitlementSwitchOff(EntitlementChanges changes, DepartmentRepository departments, AuditService audit,
                         Clock clock) {
        this.changes = changes;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    /** Applies every switch-off whose day has come; returns how many. */
    @Transactional
    public int applyDue() {
        int applied = 0;
        // the earliest time zones are a day ahead of UTC; each department's own day decides below
        for (EntitlementChanges.Pending pending : changes.pendingDueBy(LocalDate.now(clock).plusDays(1))) {
            Department department = departments.findById(pending.departmentId()).orElse(null);
            if (department == null) {
                continue;
            }
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(department.getTimeZone())));
            if (pending.effectiveOn().isAfter(today) || !changes.markApplied(pending.id(), clock.instant())) {
                continue;
            }
            if (department.isSamsaraEntitled()) {
                department.setSamsaraEntitled(false);
                departments.saveAndFlush(department);
                audit.record(department.getId(), AuditAction.ENTITLEMENT_OFF, department.getName(),
                        "Samsara integration not included from " + pending.effectiveOn() + ", as planned "
                                + pending.requestedBy() + ". Reason: " + pending.reason());
            }
            applied++;
        }
        if (applied > 0) {
            log.info("Switched off the Samsara integration of {} department(s) at their contract's end", applied);
        }
        return applied;
    }
}
