package com.rigsync.apparatus;

import java.time.Clock;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The rules every change to an apparatus meets, whether typed in the form or the grid or read from a CSV row:
 * tidying and checking the values, unique unit names and Samsara links, applying them with the link flag they call
 * for, writing them, and auditing a changed Samsara link. One place, so an import can never accept what the form
 * refuses. It checks no role: callers are the secured services, inside their transactions.
 */
@Component
class ApparatusEdits {

    private final ApparatusRepository apparatus;
    private final CachedSamsaraVehicles vehicleCache;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    ApparatusEdits(ApparatusRepository apparatus, CachedSamsaraVehicles vehicleCache, AuditService audit,
                   CurrentUser currentUser, Clock clock) {
        this.apparatus = apparatus;
        this.vehicleCache = vehicleCache;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A person's input, tidied and checked: the values an apparatus may hold. */
    record Values(String unitName, ApparatusType type, String station, String vin, String make, String model,
                  Integer modelYear, String plate, ApparatusStatus status, String statusReason, String samsaraId) {
    }

    /** Refuses the first thing wrong, naming the field and saying what to do. */
    Values validate(ApparatusDetails d) {
        String unitName = cleanName(d.getUnitName());
        if (unitName == null) {
            throw new ApparatusRefusedException("unitName", "Enter the unit name, such as Engine 1.");
        }
        max("unitName", "The unit name", unitName, 80);
        if (d.getType() == null) {
            throw new ApparatusRefusedException("type", "Choose the type of apparatus.");
        }
        if (d.getStatus() == null) {
            throw new ApparatusRefusedException("status", "Choose the status: in service, out of service or reserve.");
        }
        String reason = clean(d.getStatusReason());
        if (d.getStatus() == ApparatusStatus.OUT_OF_SERVICE && reason == null) {
            throw new ApparatusRefusedException("statusReason", "Say why " + unitName + " is out of service, "
                    + "such as \"pump repair\".");
        }
        max("statusReason", "The reason", reason, 200);
        String vin = Vin.normalize(d.getVin());
        max("vin", "The VIN", vin, 40);
        int nextYear = latestModelYear(clock);
        if (d.getModelYear() != null && (d.getModelYear() < 1900 || d.getModelYear() > nextYear)) {
            throw new ApparatusRefusedException("modelYear", "Enter a model year from 1900 to " + nextYear + ".");
        }
        String samsaraId = clean(d.getSamsaraVehicleId());
        if (samsaraId != null && !samsaraId.matches("\\d{1,30}")) {
            throw new ApparatusRefusedException("samsaraVehicleId", "A Samsara ID is digits only, such as "
                    + "281474977104729; copy it from the vehicle's page in Samsara or use the magnifier.");
        }
        String station = clean(d.getStation());
        String make = clean(d.getMake());
        String model = clean(d.getModel());
        String plate = clean(d.getPlate());
        max("station", "The station", station, 80);
        max("make", "The make", make, 80);
        max("model", "The model", model, 80);
        max("plate", "The plate", plate, 20);
        return new Values(unitName, d.getType(), station, vin, make, model, d.getModelYear(), plate, d.getStatus(),
                d.getStatus() == ApparatusStatus.OUT_OF_SERVICE ? reason : null, samsaraId);
    }

    private static void max(String field, String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw new ApparatusRefusedException(field, what + " is too long (at most " + max + " characters).");
        }
    }

    /** Refuses a unit name or Samsara ID another apparatus of the department already holds. */
    void checkUnique(long departmentId, Apparatus target, Values values) {
        apparatus.findByDepartmentIdAndUnitName(departmentId, values.unitName())
                .filter(other -> !other.getId().equals(target.getId()))
                .ifPresent(other -> {
                    throw new ApparatusRefusedException("unitName", "Another apparatus is already called '"
                            + other.getUnitName() + "'. Unit names are unique in the department: choose another.");
                });
        if (values.samsaraId() != null) {
            apparatus.findByDepartmentIdAndSamsaraVehicleId(departmentId, values.samsaraId())
                    .filter(other -> !other.getId().equals(target.getId()))
                    .ifPresent(other -> {
                        throw linkedElsewhere(values.samsaraId(), other.getUnitName());
                    });
        }
    }

    private static ApparatusRefusedException linkedElsewhere(String samsaraId, String unitName) {
        return new ApparatusRefusedException("samsaraVehicleId", "Samsara vehicle " + samsaraId + " is already "
                + "linked to " + unitName + ". One Samsara vehicle belongs to one apparatus: unlink it there first.");
    }

    /** Sets the values on the apparatus, with its link flag and who changed it when; writes nothing yet. */
    void apply(long departmentId, Apparatus a, Values v) {
        String linkBefore = a.getSamsaraVehicleId();
        LinkFlag flagBefore = a.getLinkFlag();
        a.setUnitName(v.unitName());
        a.setType(v.type());
        a.setStation(v.station());
        a.setVin(v.vin());
        a.setMake(v.make());
        a.setModel(v.model());
        a.setModelYear(v.modelYear());
        a.setPlate(v.plate());
        a.setStatus(v.status(), v.statusReason());
        a.link(v.samsaraId(), linkFlag(departmentId, v, Objects.equals(linkBefore, v.samsaraId()), flagBefore));
        a.touch(currentUser.require().displayName(), clock.instant());
    }

    /**
     * A link whose VINs differ is flagged for review (never dropped); a new or re-checked link with matching VINs is
     * clear; other flags (set by sync) stay until the link changes.
     */
    private LinkFlag linkFlag(long departmentId, Values v, boolean sameLink, LinkFlag before) {
        if (v.samsaraId() == null) {
            return LinkFlag.NONE;
        }
        Optional<String> samsaraVin = vehicleCache.find(departmentId, v.samsaraId())
                .map(SamsaraVehicleSummary::vin).map(Vin::normalize);
        if (samsaraVin.isPresent() && v.vin() != null && !samsaraVin.get().equals(v.vin())) {
            return LinkFlag.REVIEW_VIN_MISMATCH;
        }
        if (!sameLink || before == LinkFlag.REVIEW_VIN_MISMATCH) {
            return LinkFlag.NONE;
        }
        return before;
    }

    /** Saves at once, so a change made meanwhile or a name or link just taken is refused in the person's words. */
    Apparatus write(Apparatus target) {
        try {
            return apparatus.saveAndFlush(target);
        } catch (OptimisticLockingFailureException e) {
            throw new ChangedMeanwhileException(target.getUnitName(), "someone else");
        } catch (DataIntegrityViolationException e) {
            String message = String.valueOf(e.getMostSpecificCause().getMessage());
            if (message.contains("uq_apparatus_samsara_vehicle")) {
                throw new ApparatusRefusedException("samsaraVehicleId", "Samsara vehicle "
                        + target.getSamsaraVehicleId() + " was just linked to another apparatus. One Samsara "
                        + "vehicle belongs to one apparatus: unlink it there first.");
            }
            if (message.contains("uq_apparatus_unit_name")) {
                throw new ApparatusRefusedException("unitName", "Another apparatus is already called '"
                        + target.getUnitName() + "'. Unit names are unique in the department: choose another.");
            }
            throw e;
        }
    }

    /** Records a new, changed or removed Samsara link, in the apparatus' history too. */
    void auditLinkChange(long departmentId, Apparatus saved, String before) {
        String after = saved.getSamsaraVehicleId();
        if (Objects.equals(before, after)) {
            return;
        }
        if (after == null) {
            audit.recordAbout(departmentId, saved.getId(), AuditAction.SAMSARA_UNLINKED, saved.getUnitName(),
                    "was linked to Samsara vehicle " + before);
        } else {
            audit.recordAbout(departmentId, saved.getId(), AuditAction.SAMSARA_LINKED, saved.getUnitName(),
                    "Samsara vehicle " + after + (before == null ? "" : " (was " + before + ")"));
        }
    }

    /**
     * Records which of the fields people edit changed, from what to what ("Station: Station 1 → Station 2"), for the
     * apparatus' change history; the Samsara link has its own entry ({@link #auditLinkChange}). A new apparatus is
     * recorded as added.
     */
    void auditChanges(long departmentId, Apparatus saved, ApparatusDetails before) {
        ApparatusDetails after = ApparatusDetails.of(saved);
        if (before == null) {
            audit.recordAbout(departmentId, saved.getId(), AuditAction.APPARATUS_CHANGED, saved.getUnitName(),
                    "added");
            return;
        }
        List<String> parts = new ArrayList<>();
        part(parts, "Unit name", before.getUnitName(), after.getUnitName());
        part(parts, "Type", label(before.getType()), label(after.getType()));
        part(parts, "Station", before.getStation(), after.getStation());
        part(parts, "Status", status(before), status(after));
        part(parts, "VIN", before.getVin(), after.getVin());
        part(parts, "Make", before.getMake(), after.getMake());
        part(parts, "Model", before.getModel(), after.getModel());
        part(parts, "Year", text(before.getModelYear()), text(after.getModelYear()));
        part(parts, "Plate", before.getPlate(), after.getPlate());
        if (!parts.isEmpty()) {
            audit.recordAbout(departmentId, saved.getId(), AuditAction.APPARATUS_CHANGED, saved.getUnitName(),
                    String.join("; ", parts));
        }
    }

    private static String label(ApparatusType type) {
        return type == null ? null : type.label();
    }

    private static String status(ApparatusDetails d) {
        return d.getStatus() == null ? null
                : d.getStatus().label() + (d.getStatusReason() == null ? "" : " (" + d.getStatusReason() + ")");
    }

    private static String text(Integer number) {
        return number == null ? null : number.toString();
    }

    private static void part(List<String> parts, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            parts.add(field + ": " + (before == null ? "(empty)" : before) + " → " + (after == null ? "(empty)"
                    : after));
        }
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    static String cleanName(String text) {
        String cleaned = clean(text);
        return cleaned == null ? null : cleaned.replaceAll("\\s+", " ");
    }

    /** The newest model year an apparatus may have: next year, as dealers sell next year's models in the fall. */
    static int latestModelYear(Clock clock) {
        return Year.now(clock.withZone(ZoneOffset.UTC)).getValue() + 1;
    }
}
