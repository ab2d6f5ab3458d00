package com.rigsync.apparatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VinTest {

    /** A real North American VIN with a correct check digit (the textbook example). */
    private static final String VALID = "1M8GDM9AXKP042788";

    @Test
    void normalisingTrimsUpperCasesAndDropsSpacesAndDashes() {
        assertThat(Vin.normalize("  1m8gdm9a-xkp 042788 ")).isEqualTo(VALID);
        assertThat(Vin.normalize("1M8-GDM9AX-KP042788")).isEqualTo(VALID);
        assertThat(Vin.normalize("   ")).isNull();
        assertThat(Vin.normalize(null)).isNull();
    }

    @Test
    void aCorrectNorthAmericanVinHasNoWarnings() {
        assertThat(Vin.expectedCheckDigit(VALID)).contains('X');
        assertThat(Vin.warnings(VALID)).isEmpty();
        assertThat(Vin.warnings("1m8gdm9a-xkp042788")).isEmpty();
    }

    @Test
    void aWrongCheckDigitIsAWarningNamingTheExpectedDigit() {
        assertThat(Vin.warnings("1M8GDM9A1KP042788")).singleElement().asString()
                .contains("check digit").contains("should be X, not 1");
    }

    @Test
    void checkDigitTenIsX() {
        // 1M8GDM9A?KP042788 sums to a remainder of 10
        assertThat(Vin.expectedCheckDigit("1M8GDM9A0KP042788")).contains('X');
        assertThat(Vin.expectedCheckDigit("11111111111111111")).contains('1');
    }

    @ParameterizedTest
    @CsvSource({"WDB9066331S123456", "JH4KA7561PC008269", "SALGA2EF8EA123456", "6T1BE42K25X123456"})
    void nonNorthAmericanVinsGetNoCheckDigitVerdict(String vin) {
        assertThat(Vin.isNorthAmerican(vin)).isFalse();
        assertThat(Vin.expectedCheckDigit(vin)).isEmpty();
        assertThat(Vin.warnings(vin)).isEmpty();
    }

    @Test
    void lettersIOQAreWarnedAboutWithTheirPositions() {
        assertThat(Vin.warnings("1M8GDM9AXKPO42788")).anySatisfy(w -> assertThat(w)
                .contains("I, O or Q").contains("O at position 12"));
        assertThat(Vin.warnings("WDBI066331S123456")).singleElement().asString().contains("I at position 4");
    }

    @Test
    void aWrongLengthIsAWarningNotARefusal() {
        assertThat(Vin.warnings("1M8GDM9AXKP04278")).singleElement().asString()
                .isEqualTo("A VIN has 17 characters; this one has 16.");
        assertThat(Vin.warnings("ABC123")).singleElement().asString().contains("this one has 6");
        assertThat(Vin.expectedCheckDigit("1M8GDM9AXKP04278")).isEmpty();
    }

    @Test
    void nearMissesNameTheReason() {
        assertThat(Vin.nearMiss(VALID, "1M8GDM9AXKPO42788")).hasValueSatisfying(r -> assertThat(r)
                .isEqualTo("letter O and digit 0 mixed up (position 12)"));
        assertThat(Vin.nearMiss("1M8GDM9AXKP042788", "IM8GDM9AXKP042788")).hasValueSatisfying(r -> assertThat(r)
                .contains("letter I and digit 1"));
        assertThat(Vin.nearMiss("1M8GDM9AXKP042788", "1M8GDM9AXKPQ42788")).hasValueSatisfying(r -> assertThat(r)
                .contains("letter Q and digit 0"));
        assertThat(Vin.nearMiss(VALID, "1M8GDM9AXKP042789")).hasValueSatisfying(r -> assertThat(r)
                .isEqualTo("one character different (position 17: 8 / 9)"));
        assertThat(Vin.nearMiss(VALID, "1M8GDM9AXKP047288")).hasValueSatisfying(r -> assertThat(r)
                .isEqualTo("characters 14 and 15 swapped"));
        assertThat(Vin.nearMiss(VALID, "1M8GDM9AXKPO4278B")).isEmpty();
    }

    @Test
    void severalLookAlikesAreStillANearMiss() {
        assertThat(Vin.nearMiss("1M8GDM9AXKP042788", "IM8GDM9AXKPO42788")).hasValueSatisfying(r -> assertThat(r)
                .contains("positions 1, 12"));
    }

    @Test
    void equalDistantOrDifferentLengthVinsAreNoNearMiss() {
        assertThat(Vin.nearMiss(VALID, VALID)).isEmpty();
        assertThat(Vin.nearMiss(VALID, "1M8GDM9AXKP04278")).isEmpty();
        assertThat(Vin.nearMiss(VALID, "2M8GDM9AXKP042789")).isEmpty();
        assertThat(Vin.nearMiss(VALID, "1M8GDM9AXKP402788")).hasValueSatisfying(r -> assertThat(r)
                .contains("12 and 13 swapped"));
        assertThat(Vin.nearMiss(VALID, "1M8GDM9AXKP420788")).isEmpty();
        assertThat(Vin.nearMiss(null, VALID)).isEmpty();
    }
}
