package com.rigsync.samsara;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** Timestamps read the same through the fast path as through java.time, and odd ones are never guessed. */
class JsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-15T10:04:00Z", "2024-02-29T23:59:59.5Z", "2019-05-18T20:27:35.123456789Z",
            "1999-12-31T00:00:00.000Z"})
    void theFastPathAgreesWithJavaTime(String s) {
        assertThat(Json.utcInstant(s)).isEqualTo(Instant.parse(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-15T10:04:00+02:00", "2024-13-15T10:04:00Z", "2023-02-29T10:04:00Z",
            "2024-01-15 10:04:00Z", "2024-01-15T10:04:00.Z"})
    void otherFormsAreLeftToTheGeneralParser(String s) {
        assertThat(Json.utcInstant(s)).isNull();
    }

    @Test
    void offsetsAreReadAndGarbageIsAbsent() {
        var node = JsonMapper.builder().build().readTree(
                "{\"a\":\"2024-01-15T12:04:00+02:00\",\"b\":\"yesterday\",\"c\":\"\"}");
        assertThat(Json.instant(node, "a")).isEqualTo(Instant.parse("2024-01-15T10:04:00Z"));
        assertThat(Json.instant(node, "b")).isNull();
        assertThat(Json.instant(node, "c")).isNull();
        assertThat(Json.instant(node, "missing")).isNull();
    }
}
