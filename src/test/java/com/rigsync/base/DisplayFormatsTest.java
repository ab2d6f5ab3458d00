package com.rigsync.base;

import com.rigsync.base.ui.DisplayFormats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayFormatsTest {

    @Test
    void distancesReadInTheDepartmentsUnits() {
        double metres = 19_867_545.0;
        assertThat(DisplayFormats.distance(metres, DistanceUnit.MILES)).isEqualTo("12,345 mi");
        assertThat(DisplayFormats.distance(metres, DistanceUnit.KILOMETRES)).isEqualTo("19,868 km");
        assertThat(DisplayFormats.distance(0.0, DistanceUnit.KILOMETRES)).isEqualTo("0 km");
        assertThat(DisplayFormats.distance(null, DistanceUnit.MILES)).isEmpty();
    }
}
