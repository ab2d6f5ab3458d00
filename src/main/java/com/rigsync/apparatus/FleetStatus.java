package com.rigsync.apparatus;

import com.rigsync.apparatus.ApparatusQueries.Bounds;
import com.rigsync.department.FleetThresholds;
import com.rigsync.department.PreferencesService;
import com.rigsync.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static com.rigsync.apparatus.ApparatusService.READERS;

/** The signed-in person's department's fleet at a glance (the Overview); the department comes from the sign-in. */
@Service
public class FleetStatus {

    /** How many out-of-service apparatus the Overview names before "and N more". */
    public static final int OUT_OF_SERVICE_LISTED = 20;

    private final ApparatusQueries queries;
    private final FleetBounds fleetBounds;
    private final PreferencesService preferences;
    private final CurrentUser currentUser;

    FleetStatus(ApparatusQueries queries, FleetBounds fleetBounds, PreferencesService preferences,
                CurrentUser currentUser) {
        this.queries = queries;
        this.fleetBounds = fleetBounds;
        this.preferences = preferences;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public FleetOverview overview() {
        long departmentId = currentUser.departmentId();
        FleetThresholds thresholds = preferences.fleetThresholds();
        Bounds bounds = fleetBounds.now(departmentId, thresholds);
        FleetCounts counts = queries.counts(departmentId, bounds);
        return new FleetOverview(counts.apparatus(), counts.byStatus(), counts.byCondition(),
                queries.outOfService(departmentId, OUT_OF_SERVICE_LISTED), queries.flaggedLinks(departmentId),
                bounds.readingsToReview().size(), thresholds);
    }
}
