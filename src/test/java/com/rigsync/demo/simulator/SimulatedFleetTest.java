package com.rigsync.demo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class SimulatedFleetTest {

    private final SimulatedFleet fleet = SimulatedFleet.demo();

    @Test
    void everyVinIsARealisticNorthAmericanVinWithACorrectCheckDigit() {
        List<String> vins = fleet.vehicles().stream().map(SimulatedVehicle::vin)
                .filter(vin -> vin != null && !vin.isEmpty()).toList();
        assertThat(vins).hasSizeGreaterThan(35);
        assertThat(vins).allSatisfy(vin -> {
            assertThat(vin).hasSize(17).matches("[1-5][A-HJ-NPR-Z0-9]{16}");
            assertThat(VinCheckDigit.isValid(vin)).as(vin).isTrue();
        });
        assertThat(new HashSet<>(vins)).hasSameSizeAs(vins);
    }

    @Test
    void isAboutFortyVehiclesWithUniqueFifteenDigitIdsInListingOrder() {
        List<String> ids = fleet.vehicles().stream().map(SimulatedVehicle::id).toList();
        assertThat(ids).hasSizeBetween(38, 42).doesNotHaveDuplicates().isSorted();
        assertThat(ids).allSatisfy(id -> assertThat(id).matches("\\d{15}"));
        assertThat(fleet.drivers()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void aFewVehiclesLackAVinMakeOrYearOrCannotReportObdStats() {
        assertThat(fleet.vehicles()).filteredOn(v -> v.vin() == null || v.vin().isEmpty())
                .extracting(SimulatedVehicle::make).containsExactlyInAnyOrder(null, "");
        assertThat(fleet.vehicles()).filteredOn(v -> v.hasGateway() && !v.reportsObd())
                .extracting(SimulatedVehicle::name).contains("Engine 13", "Engine 21", "Air 1");
        assertThat(fleet.vehicleNamed("Engine 6").hasGateway()).isFalse();
    }

    @Test
    void isTheSameOnEveryCall() {
        assertThat(SimulatedFleet.demo().vehicles()).isEqualTo(fleet.vehicles());
        assertThat(fleet.vehicleNamed("Engine 1").tags()).containsExactly(SimulatedFleet.STATION_1);
    }
}
