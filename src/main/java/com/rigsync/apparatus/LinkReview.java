package com.rigsync.apparatus;

import java.time.Clock;
import java.util.Optional;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static com.rigsync.apparatus.ApparatusService.EDITORS;

/**
 * Reviewing a flagged Samsara link on the apparatus' page (administrators and data managers): confirm it (the
 * organisation changed and the person checked the vehicle is still this one), take Samsara's VIN for a near miss, or
 * unlink. Each is refused over a change made since the page was read, and audited in the apparatus' history.
 */
@Service
public class LinkReview {

    private final ApparatusRepository apparatus;
    private final CachedSamsaraVehicles vehicleCache;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    LinkReview(ApparatusRepository apparatus, CachedSamsaraVehicles vehicleCache, AuditService audit,
               CurrentUser currentUser, Clock clock) {
        this.apparatus = apparatus;
        this.vehicleCache = vehicleCache;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The VIN Samsara has for the linked vehicle, as last listed; empty when not linked or unknown. */
    @Transactional(readOnly = true)
    @PreAuthorize(EDITORS)
    public Optional<String> samsaraVin(long id) {
        long departmentId = currentUser.departmentId();
        Apparatus target = find(departmentId, id);
        return Optional.ofNullable(target.getSamsaraVehicleId()).flatMap(v -> vehicleCache.find(departmentId, v))
                .map(SamsaraVehicleSummary::vin).map(Vin::normalize);
    }

    /**
     * Clears an "organisation changed" flag: the person checked that the Samsara ID is this apparatus' vehicle in the
     * organisation now connected. When the vehicle list shows a different VIN, the link is flagged for that instead.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public void confirm(long id, long version) {
        long departmentId = currentUser.departmentId();
        Apparatus target = current(departmentId, id, version);
        if (target.getLinkFlag() != LinkFlag.REVIEW_ORGANISATION_CHANGED) {
            throw new ApparatusRefusedException(null, target.getUnitName() + "'s link is not waiting for a "
                    + "confirmation; the page now shows how it stands.");
        }
        Optional<String> samsaraVin = vehicleCache.find(departmentId, target.getSamsaraVehicleId())
                .map(SamsaraVehicleSummary::vin).map(Vin::normalize);
        boolean vinsDiffer = samsaraVin.isPresent() && target.getVinNormalized() != null
                && !samsaraVin.get().equals(target.getVinNormalized());
        target.link(target.getSamsaraVehicleId(), vinsDiffer ? LinkFlag.REVIEW_VIN_MISMATCH : LinkFlag.NONE);
        target.touch(currentUser.require().displayName(), clock.instant());
        apparatus.flush();
        audit.recordAbout(departmentId, id, AuditAction.SAMSARA_LINK_CONFIRMED, target.getUnitName(),
                "Samsara vehicle " + target.getSamsaraVehicleId() + " confirmed after the organisation changed"
                        + (vinsDiffer ? "; its VIN differs, so the link stays flagged for that" : ""));
    }

    /** Takes the linked Samsara vehicle's VIN for the apparatus (a near miss typed by hand), clearing the flag. */
    @Transactional
    @PreAuthorize(EDITORS)
    public String takeSamsaraVin(long id, long version) {
        long departmentId = currentUser.departmentId();
        Apparatus target = current(departmentId, id, version);
        if (target.getSamsaraVehicleId() == null) {
            throw new ApparatusRefusedException(null, target.getUnitName() + " is not linked to Samsara any more.");
        }
        String samsaraVin = vehicleCache.find(departmentId, target.getSamsaraVehicleId())
                .map(SamsaraVehicleSummary::vin).map(Vin::normalize)
                .orElseThrow(() -> new ApparatusRefusedException(null, "RigSync does not know the VIN of Samsara "
                        + "vehicle " + target.getSamsaraVehicleId() + " yet; it learns it at the next sync."));
        String before = target.getVin();
        target.setVin(samsaraVin);
        target.link(target.getSamsaraVehicleId(), target.getLinkFlag() == LinkFlag.REVIEW_VIN_MISMATCH
                ? LinkFlag.NONE : target.getLinkFlag());
        target.touch(currentUser.require().displayName(), clock.instant());
        apparatus.flush();
        audit.recordAbout(departmentId, id, AuditAction.APPARATUS_CHANGED, target.getUnitName(),
                "VIN: " + (before == null ? "(empty)" : before) + " → " + samsaraVin + " (taken from Samsara "
                        + "vehicle " + target.getSamsaraVehicleId() + ")");
        return samsaraVin;
    }

    /** Removes the link after review. */
    @Transactional
    @PreAuthorize(EDITORS)
    public void unlink(long id, long version) {
        long departmentId = currentUser.departmentId();
        Apparatus target = current(departmentId, id, version);
        String before = target.getSamsaraVehicleId();
        if (before == null) {
            return;
        }
        target.link(null, LinkFlag.NONE);
        target.touch(currentUser.require().displayName(), clock.instant());
        apparatus.flush();
        audit.recordAbout(departmentId, id, AuditAction.SAMSARA_UNLINKED, target.getUnitName(),
                "was linked to Samsara vehicle " + before);
    }

    private Apparatus current(long departmentId, long id, long version) {
        Apparatus target = find(departmentId, id);
        if (target.getVersion() != version) {
            throw new ChangedMeanwhileException(target.getUnitName(), target.getUpdatedBy() == null ? "someone else"
                    : target.getUpdatedBy());
        }
        return target;
    }

    private Apparatus find(long departmentId, long id) {
        return apparatus.findByIdAndDepartmentId(id, departmentId).orElseThrow(() -> new ApparatusRefusedException(
                null, "This apparatus no longer exists; someone may have deleted it."));
    }
}
