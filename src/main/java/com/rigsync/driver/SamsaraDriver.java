package com.rigsync.driver;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.rigsync.samsara.Driver;
import com.rigsync.samsara.Tag;

/** A driver of the department's Samsara organisation, as Setup > Drivers lists it. */
public record SamsaraDriver(String id, String name, String username, boolean active, List<String> tags,
        String assignedVehicle, Map<String, String> externalIds) {

    public SamsaraDriver {
        tags = tags == null ? List.of() : List.copyOf(tags);
        externalIds = externalIds == null ? Map.of() : Map.copyOf(externalIds);
    }

    static SamsaraDriver of(Driver d) {
        return new SamsaraDriver(d.id(), d.name(), d.username(), !"deactivated".equals(d.driverActivationStatus()),
                d.tags().stream().map(Tag::name).filter(n -> n != null && !n.isBlank()).toList(),
                d.staticAssignedVehicle() == null ? null : d.staticAssignedVehicle().name(), d.externalIds());
    }

    /** "Susan Jones (SusanJones)", as confirmations and the audit log name the driver. */
    public String label() {
        String shownName = name == null || name.isBlank() ? "Samsara driver " + id : name;
        return username == null || username.isBlank() ? shownName : shownName + " (" + username + ")";
    }

    public String status() {
        return active ? "Active" : "Deactivated";
    }

    public String tagsText() {
        return String.join(", ", tags);
    }

    /** "payrollId: ABFS18600", keys in alphabetical order. */
    public String externalIdsText() {
        return new TreeMap<>(externalIds).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Whether the name, username or an external id contains {@code lowerCaseText}. */
    boolean mentions(String lowerCaseText) {
        return contains(name, lowerCaseText) || contains(username, lowerCaseText)
                || externalIds.values().stream().anyMatch(v -> contains(v, lowerCaseText))
                || contains(externalIdsText(), lowerCaseText);
    }

    private static boolean contains(String value, String lowerCaseText) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }
}
