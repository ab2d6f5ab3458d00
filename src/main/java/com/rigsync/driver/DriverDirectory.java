package com.rigsync.driver;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The drivers of the department's Samsara organisation as listed at {@code listedAt} (active and deactivated, limited
 * to the department's Samsara tags when it has some), sorted by name. Immutable, so every screen of the department
 * can share one.
 */
public record DriverDirectory(List<SamsaraDriver> drivers, Instant listedAt, boolean tagFiltered) {

    public DriverDirectory {
        drivers = List.copyOf(drivers);
    }

    /** The drivers the filter accepts, in name order. */
    public List<SamsaraDriver> matching(DriverFilter filter) {
        return drivers.stream().filter(filter::accepts).toList();
    }

    Optional<SamsaraDriver> find(String id) {
        return drivers.stream().filter(d -> d.id() != null && d.id().equals(id)).findFirst();
    }
}
