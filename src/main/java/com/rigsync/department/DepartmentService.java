package com.rigsync.department;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.people.NewAccount;
import com.rigsync.people.PeopleService;
import com.rigsync.security.CurrentUser;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Departments and the paid Samsara entitlement: Client Success work, plus each user's view of their own department. */
@Service
public class DepartmentService {

    private final DepartmentRepository departments;
    private final PeopleService people;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final EntitlementChanges changes;
    private final Clock clock;

    DepartmentService(DepartmentRepository departments, PeopleService people, AuditService audit,
                      CurrentUser currentUser, EntitlementChanges changes, Clock clock) {
        this.changes = changes;
        this.departments = departments;
        this.people = people;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public List<DepartmentSummary> departments() {
        Map<Long, Long> userCounts = people.userCountsByDepartment();
        return departments.findAll().stream()
                .map(d -> summary(d, userCounts.getOrDefault(d.getId(), 0L)))
                .sorted(Comparator.comparing(DepartmentSummary::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Creates a department with its first administrator, whose one-time password is returned to be shown once. */
    @Transactional
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public NewDepartment createDepartment(String name, String administratorUsername, String administratorName) {
        String cleanName = name == null ? "" : name.trim().replaceAll("\\s+", " ");
        if (cleanName.length() < 3 || cleanName.length() > 120) {
            throw new IllegalArgumentException("Enter the department's name (3 to 120 characters).");
        }
        if (departments.existsByName(cleanName)) {
            throw new IllegalArgumentException("A department named '" + cleanName + "' already exists.");
        }
        Department department = departments.saveAndFlush(new Department(cleanName, clock.instant()));
        NewAccount administrator = people.createFirstAdministrator(department.getId(), administratorUsername,
                administratorName);
        audit.record(department.getId(), AuditAction.DEPARTMENT_CREATED, cleanName,
                "first administrator " + administrator.username());
        return new NewDepartment(summary(department, 1), administrator.username(), administrator.password());
    }

    /**
     * Switches the paid Samsara integration on or off, for the reason given. Switching it off stops the integration
     * but keeps the department's saved connection for when it comes back. A switch-off with a future effective day
     * (a contract's end, in the department's time zone) waits for that day ({@link EntitlementSwitchOff}); any change
     * replaces a switch-off still waiting.
     */
    @Transactional
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public DepartmentSummary changeSamsaraEntitlement(long departmentId, boolean entitled, long expectedVersion,
                                                      String reason, LocalDate effectiveOn) {
        String cleanReason = reason == null ? "" : reason.trim().replaceAll("\\s+", " ");
        if (cleanReason.isEmpty()) {
            throw new IllegalArgumentException("Say why the plan changes (the department's administrators read it).");
        }
        if (cleanReason.length() > 500) {
            throw new IllegalArgumentException("Keep the reason under 500 characters.");
        }
        Department department = departments.findForChange(departmentId)
                .orElseThrow(() -> new IllegalArgumentException("That department no longer exists."));
        if (department.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Department.class, departmentId);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(department.getTimeZone())));
        LocalDate later = effectiveOn != null && effectiveOn.isAfter(today) ? effectiveOn : null;
        if (entitled && effectiveOn != null) {
            throw new IllegalArgumentException("Including Samsara takes effect at once; leave the date empty.");
        }
        if (effectiveOn != null && effectiveOn.isBefore(today)) {
            throw new IllegalArgumentException("The switch-off day " + effectiveOn + " has passed; choose today "
                    + "or a later day.");
        }
        String by = "by Client Success: " + currentUser.require().displayName();
        boolean cancelled = changes.cancelPending(departmentId, clock.instant()) > 0;
        if (later != null) {
            if (!department.isSamsaraEntitled()) {
                throw new IllegalArgumentException(department.getName() + " does not have Samsara included.");
            }
            changes.add(departmentId, false, cleanReason, by, clock.instant(), later, null);
            audit.record(departmentId, AuditAction.ENTITLEMENT_OFF_SCHEDULED, department.getName(),
                    "Samsara integration to be removed on " + later + " " + by + ". Reason: " + cleanReason);
        } else if (department.isSamsaraEntitled() != entitled) {
            department.setSamsaraEntitled(entitled);
            changes.add(departmentId, entitled, cleanReason, by, clock.instant(), null, clock.instant());
            audit.record(departmentId, entitled ? AuditAction.ENTITLEMENT_ON : AuditAction.ENTITLEMENT_OFF,
                    department.getName(), "Samsara integration " + (entitled ? "included" : "not included")
                            + " " + by + ". Reason: " + cleanReason);
        } else if (cancelled) {
            changes.add(departmentId, entitled, cleanReason, by, clock.instant(), null, clock.instant());
            audit.record(departmentId, AuditAction.ENTITLEMENT_OFF_CANCELLED, department.getName(),
                    "Planned removal of the Samsara integration cancelled " + by + ". Reason: " + cleanReason);
        } else {
            throw new IllegalArgumentException(department.getName() + " already has Samsara "
                    + (entitled ? "included." : "removed."));
        }
        Department saved = departments.saveAndFlush(department);
        return summary(saved, people.userCountsByDepartment().getOrDefault(departmentId, 0L));
    }

    /** The department's entitlement history, newest first: who, when, why, and switch-offs waiting for their day. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public List<EntitlementChange> entitlementHistory(long departmentId) {
        return changes.history(departmentId);
    }

    /** The signed-in user's own department. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public DepartmentProfile myDepartment() {
        Department department = departments.findById(currentUser.departmentId()).orElseThrow();
        return new DepartmentProfile(department.getId(), department.getName(), department.isSamsaraEntitled());
    }

    /**
     * Whether a department has the paid Samsara integration, for the integration's own checks (also from background
     * work, where nobody is signed in). Reveals one flag of a department whose id the caller already holds; screens
     * use {@link #myDepartment()}.
     */
    @Transactional(readOnly = true)
    public boolean samsaraEntitled(long departmentId) {
        return departments.findById(departmentId).map(Department::isSamsaraEntitled).orElse(false);
    }

    private static DepartmentSummary summary(Department department, long userCount) {
        return new DepartmentSummary(department.getId(), department.getName(), department.isSamsaraEntitled(),
                userCount, department.getCreatedAt(), department.getVersion());
    }
}
