package com.rigsync.department;

import java.time.Clock;
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
    private final Clock clock;

    DepartmentService(DepartmentRepository departments, PeopleService people, AuditService audit,
                      CurrentUser currentUser, Clock clock) {
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
     * Switches the paid Samsara integration on or off. Switching it off stops the integration but keeps the
     * department's saved connection for when it comes back.
     */
    @Transactional
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public DepartmentSummary setSamsaraEntitlement(long departmentId, boolean entitled, long expectedVersion) {
        Department department = departments.findById(departmentId)
                .orElseThrow(() -> new IllegalArgumentException("That department no longer exists."));
        if (department.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Department.class, departmentId);
        }
        if (department.isSamsaraEntitled() != entitled) {
            department.setSamsaraEntitled(entitled);
            audit.record(departmentId, entitled ? AuditAction.ENTITLEMENT_ON : AuditAction.ENTITLEMENT_OFF,
                    department.getName(), "Samsara integration " + (entitled ? "included" : "not included")
                            + " by " + currentUser.actorName());
        }
        Department saved = departments.saveAndFlush(department);
        return summary(saved, people.userCountsByDepartment().getOrDefault(departmentId, 0L));
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
