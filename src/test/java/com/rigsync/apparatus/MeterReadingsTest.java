package com.rigsync.apparatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rigsync.SpringAppTest;
import com.rigsync.sync.SyncTestDepartment;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flagged meter readings as the sync status panel lists them, accepting a baseline, and an apparatus' history. */
@SpringAppTest
class MeterReadingsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    @Autowired
    private MeterReadings readings;
    @Autowired
    private MeterHistory history;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private SyncTestDepartment department;
    private SyncTestDepartment other;
    private long engine1;

    @BeforeEach
    void setUp() {
        department = SyncTestDepartment.create(jdbc);
        other = SyncTestDepartment.create(jdbc);
        engine1 = department.apparatus(jdbc, "Engine 1", "1FVACYDT27HY12345", "494123");
        jdbc.update("insert into apparatus_telemetry (apparatus_id, odometer_meters, engine_seconds, read_at, "
                + "synced_at) values (?, 100000000, 3600000, ?, ?)", engine1, MeterHistory.utc(T0),
                MeterHistory.utc(T0));
        history.insert(department.id(), List.of(
                good(MeterKind.ODOMETER, 100_000_000, T0),
                good(MeterKind.ENGINE_HOURS, 3_600_000, T0),
                // a gateway swap: the odometer starts again near zero
                new MeterHistory.NewReading(engine1, MeterKind.ODOMETER, 12_000, T0.plus(Duration.ofDays(1)),
                        MeterFlag.LOWER_THAN_PREVIOUS, "lower", 100_000_000L, T0)), T0.plus(Duration.ofDays(1)));
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        department.delete(jdbc);
        other.delete(jdbc);
    }

    @Test
    void aFlaggedReadingIsListedWithWhatItWasComparedWith() {
        SignIn.as(users, department.user("DATA_MANAGER"));

        List<FlaggedReading> flagged = readings.flaggedReadings();

        assertThat(flagged).singleElement().satisfies(f -> {
            assertThat(f.unitName()).isEqualTo("Engine 1");
            assertThat(f.kind()).isEqualTo(MeterKind.ODOMETER);
            assertThat(f.value()).isEqualTo(12_000);
            assertThat(f.comparedValue()).isEqualTo(100_000_000L);
            assertThat(f.currentValue()).isEqualTo(100_000_000L);
            assertThat(f.readAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
            assertThat(f.flag()).isEqualTo(MeterFlag.LOWER_THAN_PREVIOUS);
        });
    }

    @Test
    void acceptingTheNewestFlaggedReadingMakesItTheCurrentValueAndTheBaselineForLaterReadings() {
        SignIn.as(users, department.user("ADMINISTRATOR"));
        long id = readings.flaggedReadings().getFirst().readingId();

        readings.acceptAsBaseline(id);

        assertThat(readings.flaggedReadings()).isEmpty();
        assertThat(jdbc.queryForObject("select odometer_meters from apparatus_telemetry where apparatus_id = ?",
                Long.class, engine1)).isEqualTo(12_000L);
        assertThat(jdbc.queryForObject("select engine_seconds from apparatus_telemetry where apparatus_id = ?",
                Long.class, engine1)).as("the other meter is untouched").isEqualTo(3_600_000L);
        assertThat(jdbc.queryForObject("select detail from audit_event where department_id = ? and action = ?",
                String.class, department.id(), "METER_BASELINE_ACCEPTED"))
                .contains("Odometer").contains("7 mi (12 km)").contains("accepted as the new baseline");
        assertThat(jdbc.queryForObject("select target from audit_event where department_id = ? and action = ?",
                String.class, department.id(), "METER_BASELINE_ACCEPTED")).isEqualTo("Engine 1");

        MeterHistory.Standing standing = history.standings(department.id())
                .get(new MeterHistory.Key(engine1, MeterKind.ODOMETER));
        assertThat(standing.goodValue()).isEqualTo(12_000L);
        assertThat(MeterHistory.judge(MeterKind.ODOMETER, standing, 60_000, T0.plus(Duration.ofDays(2))).flag())
                .as("a day later, 48 km more compares with the accepted baseline").isEqualTo(MeterFlag.NONE);
        assertThat(readings.history(engine1, MeterKind.ODOMETER, 10)).extracting(MeterReadingEntry::flag)
                .containsExactly(MeterFlag.ACCEPTED_AS_BASELINE, MeterFlag.NONE);
        assertThat(readings.history(engine1, MeterKind.ODOMETER, 10).getFirst().acceptedBy()).isNotBlank();
    }

    @Test
    void anOlderFlaggedReadingAcceptedDoesNotOverwriteTheCurrentValue() {
        history.insert(department.id(), List.of(new MeterHistory.NewReading(engine1, MeterKind.ODOMETER, 13_000,
                T0.plus(Duration.ofDays(2)), MeterFlag.LOWER_THAN_PREVIOUS, "lower", 100_000_000L, T0)), T0);
        SignIn.as(users, department.user("ADMINISTRATOR"));
        long older = readings.flaggedReadings().getLast().readingId();

        readings.acceptAsBaseline(older);

        assertThat(jdbc.queryForObject("select odometer_meters from apparatus_telemetry where apparatus_id = ?",
                Long.class, engine1)).isEqualTo(100_000_000L);
        assertThat(readings.flaggedReadings()).extracting(FlaggedReading::value).containsExactly(13_000L);
    }

    @Test
    void anotherDepartmentsReadingIsRefusedAndMembersMayNotAccept() {
        SignIn.as(users, department.user("ADMINISTRATOR"));
        long id = readings.flaggedReadings().getFirst().readingId();

        SignIn.as(users, other.user("ADMINISTRATOR"));
        assertThat(readings.flaggedReadings()).isEmpty();
        assertThat(readings.history(engine1, MeterKind.ODOMETER, 10)).isEmpty();
        assertThatThrownBy(() -> readings.acceptAsBaseline(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not one of your department's");

        SignIn.as(users, department.user("MEMBER"));
        assertThatThrownBy(() -> readings.acceptAsBaseline(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> readings.flaggedReadings()).isInstanceOf(AccessDeniedException.class);
        assertThat(readings.history(engine1, MeterKind.ODOMETER, 10)).hasSize(2);
        assertThat(jdbc.queryForObject("select odometer_meters from apparatus_telemetry where apparatus_id = ?",
                Long.class, engine1)).isEqualTo(100_000_000L);
    }

    @Test
    void theRulesFlagBackwardsReadingsAndMoreThanAThousandMilesOr24EngineHoursADay() {
        var standing = new MeterHistory.Standing(T0, 100_000_000L, T0);
        Instant aDayLater = T0.plus(Duration.ofDays(1));
        assertThat(MeterHistory.judge(MeterKind.ODOMETER, standing, 99_999_000, aDayLater).flag())
                .isEqualTo(MeterFlag.LOWER_THAN_PREVIOUS);
        assertThat(MeterHistory.judge(MeterKind.ODOMETER, standing, 100_000_000 + 1_600_000, aDayLater).flag())
                .isEqualTo(MeterFlag.NONE);
        MeterHistory.Verdict jump = MeterHistory.judge(MeterKind.ODOMETER, standing, 100_000_000 + 5_000_000,
                aDayLater);
        assertThat(jump.flag()).isEqualTo(MeterFlag.IMPLAUSIBLE_DAILY_USE);
        assertThat(jump.reason()).contains("more than 1,000 miles a day").contains("24.0 hours");
        assertThat(MeterHistory.judge(MeterKind.ODOMETER, standing, 100_001_000, T0.plusSeconds(60)).flag())
                .as("a kilometre in a minute is within the slack").isEqualTo(MeterFlag.NONE);

        var engine = new MeterHistory.Standing(T0, 3_600_000L, T0);
        assertThat(MeterHistory.judge(MeterKind.ENGINE_HOURS, engine, 3_600_000 + 60, T0.plusSeconds(60)).flag())
                .isEqualTo(MeterFlag.NONE);
        assertThat(MeterHistory.judge(MeterKind.ENGINE_HOURS, engine, 3_600_000 + 86_400 + 3_600, aDayLater)
                .reason()).contains("more than 24 engine hours a day");
        assertThat(MeterHistory.judge(MeterKind.ENGINE_HOURS, new MeterHistory.Standing(null, null, null), 5,
                T0).flag()).as("the first reading has nothing to compare with").isEqualTo(MeterFlag.NONE);
    }

    private MeterHistory.NewReading good(MeterKind kind, long value, Instant at) {
        return new MeterHistory.NewReading(engine1, kind, value, at, MeterFlag.NONE, null, null, null);
    }
}
