package com.rigsync.demo.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VinCheckDigitTest {

    @Test
    void computesTheCheckDigitOfWellKnownVins() {
        // the textbook example whose remainder is 10, written X
        assertThat(VinCheckDigit.compute("1M8GDM9AXKP042788")).isEqualTo('X');
        assertThat(VinCheckDigit.isValid("1M8GDM9AXKP042788")).isTrue();
        assertThat(VinCheckDigit.isValid("11111111111111111")).isTrue();
    }

    @Test
    void rejectsAWrongCheckDigitAFewCharactersOrForbiddenLetters() {
        assertThat(VinCheckDigit.isValid("1M8GDM9A1KP042788")).isFalse();
        assertThat(VinCheckDigit.isValid("1M8GDM9AXKP04278")).isFalse();
        assertThat(VinCheckDigit.isValid("1M8GDM9AXKP04278O")).isFalse();
        assertThat(VinCheckDigit.isValid(null)).isFalse();
        assertThatThrownBy(() -> VinCheckDigit.compute("SHORT")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repairsTheCheckDigit() {
        assertThat(VinCheckDigit.withCheckDigit("1M8GDM9A0KP042788")).isEqualTo("1M8GDM9AXKP042788");
    }
}
