package com.rigsync.apparatus;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/**
 * What "Edit selected" sets: only the {@code fields} chosen; the other values are ignored. A blank station, make or
 * model clears it. A status reason left blank keeps the reason of an apparatus already out of service.
 */
public record BulkChange(Set<BulkField> fields, String station, ApparatusStatus status, String statusReason,
                         ApparatusType type, String make, String model, Integer modelYear)
        implements Serializable {

    public BulkChange {
        fields = fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
    }

    public boolean sets(BulkField field) {
        return fields.contains(field);
    }
}
