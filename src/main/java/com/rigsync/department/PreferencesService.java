package com.rigsync.department;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.base.DistanceUnit;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.SignedInUser;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A department's units and time zone, which every screen of its people follows. */
@Service
public class PreferencesService implements DepartmentDisplay {

    private final DepartmentRepository departments;
    private final AuditService audit;
    private final CurrentUser currentUser;

    PreferencesService(DepartmentRepository departments, AuditService audit, CurrentUser currentUser) {
        this.departments = departments;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** How the signed-in person's screens show times and distances. */
    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public DisplayPreferences display() {
        SignedInUser user = currentUser.require();
        if (user.departmentId() == null) {
            return DisplayPreferences.CLIENT_SUCCESS;
        }
        Department department = departments.findById(user.departmentId()).orElseThrow();
        return new DisplayPreferences(zoneOf(department), department.getDistanceUnit());
    }

    /** When the signed-in person's department counts an apparatus as not reporting or low on fuel. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER','MEMBER')")
    public FleetThresholds fleetThresholds() {
        return departments.findById(currentUser.departmentId()).orElseThrow().getFleetThresholds();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public DepartmentPreferences preferences() {
        Department department = departments.findById(currentUser.departmentId()).orElseThrow();
        return preferencesOf(department);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public DepartmentPreferences savePreferences(DistanceUnit units, ZoneId zone, FleetThresholds fleet,
                                                 long expectedVersion) {
        if (units == null) {
            throw new IllegalArgumentException("Choose miles or kilometres.");
        }
        if (zone == null) {
            throw new IllegalArgumentException("Choose your department's time zone, such as America/Chicago.");
        }
        if (fleet == null) {
            throw new IllegalArgumentException("Choose when an apparatus counts as not reporting and as low on fuel.");
        }
        Department department = departments.findById(currentUser.departmentId()).orElseThrow();
        if (department.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Department.class, department.getId());
        }
        List<String> changes = new ArrayList<>();
        if (department.getDistanceUnit() != units) {
            changes.add("units " + department.getDistanceUnit().label() + " → " + units.label());
            department.setDistanceUnit(units);
        }
        if (!zoneOf(department).equals(zone)) {
            changes.add("time zone " + department.getTimeZone() + " → " + zone.getId());
            department.setTimeZone(zone.getId());
        }
        FleetThresholds before = department.getFleetThresholds();
        if (before.notReportingHours() != fleet.notReportingHours()) {
            changes.add("not reporting after " + before.notReportingHours() + " → " + fleet.notReportingHours()
                    + " hours");
        }
        if (before.lowFuelPercent() != fleet.lowFuelPercent()) {
            changes.add("low fuel below " + before.lowFuelPercent() + " → " + fleet.lowFuelPercent() + " %");
        }
        department.setFleetThresholds(fleet);
        if (!changes.isEmpty()) {
            department = departments.saveAndFlush(department);
            audit.record(department.getId(), AuditAction.PREFERENCES_CHANGED, department.getName(),
                    String.join("; ", changes));
        }
        return preferencesOf(department);
    }

    private static DepartmentPreferences preferencesOf(Department department) {
        return new DepartmentPreferences(department.getDistanceUnit(), zoneOf(department),
                department.getFleetThresholds(), department.getVersion());
    }

    private static ZoneId zoneOf(Department department) {
        try {
            return ZoneId.of(department.getTimeZone());
        } catch (DateTimeException e) {
            // a zone id this JVM no longer knows: show UTC rather than fail every screen
            return ZoneId.of("UTC");
        }
    }
}
