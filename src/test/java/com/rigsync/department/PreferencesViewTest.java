package com.rigsync.department;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import com.rigsync.KaribuTest;
import com.rigsync.audit.AuditAction;
import com.rigsync.base.DistanceUnit;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.department.ui.PreferencesView;
import com.rigsync.people.AccountSeeding;
import com.rigsync.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreferencesViewTest extends KaribuTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private AccountSeeding seeding;
    @Autowired
    private PreferencesService preferences;

    @Test
    void anAdministratorSwitchesToKilometresAndTheirTimeZoneAndTheAuditLogFollows() {
        jdbc.update("insert ignore into department (name, samsara_entitled, created_at) values "
                + "('Cypress Creek Fire', false, now())");
        long department = jdbc.queryForObject("select id from department where name = 'Cypress Creek Fire'",
                Long.class);
        seeding.ensureAccount("cypress-admin", "Hank Cypress", Role.ADMINISTRATOR, department,
                "a long and private passphrase", false);
        jdbc.update("insert into audit_event (department_id, actor, action, target, detail, at) values "
                + "(?, 'system', 'ENTITLEMENT_ON', 'Cypress Creek Fire', 'at six in the evening UTC', "
                + "'2026-01-15 18:00:00')", department);
        signIn("cypress-admin");

        navigate("audit-log");
        assertThat(auditRow("at six in the evening UTC")).startsWith("Jan 15, 2026, 6:00 PM, system");

        navigate("preferences");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<DistanceUnit> units = _get(RadioButtonGroup.class, spec -> spec.withLabel("Distances"));
        @SuppressWarnings("unchecked")
        ComboBox<ZoneId> zone = _get(ComboBox.class, spec -> spec.withLabel("Time zone"));
        assertThat(units.getValue()).isEqualTo(DistanceUnit.MILES);
        assertThat(zone.getValue()).isEqualTo(ZoneId.of("UTC"));
        units.setValue(DistanceUnit.KILOMETRES);
        zone.setValue(ZoneId.of("America/Chicago"));
        _click(_get(Button.class, spec -> spec.withText("Save preferences")));
        expectNotifications("Preferences saved. Screens opened from now on use them.");

        assertThat(preferences.display()).isEqualTo(new DisplayPreferences(ZoneId.of("America/Chicago"),
                DistanceUnit.KILOMETRES));
        assertThat(preferences.display().distance(19_867_545.0)).isEqualTo("19,868 km");
        assertThat(jdbc.queryForObject("select detail from audit_event where department_id = ? and action = ?",
                String.class, department, AuditAction.PREFERENCES_CHANGED.name()))
                .isEqualTo("units Miles → Kilometres; time zone UTC → America/Chicago");

        navigate("audit-log");
        assertThat(auditRow("at six in the evening UTC")).startsWith("Jan 15, 2026, 12:00 PM, system");
    }

    @Test
    void preferencesChangedMeanwhileAreNotOverwritten() {
        jdbc.update("insert ignore into department (name, samsara_entitled, created_at) values "
                + "('Evergreen Terrace Fire', false, now())");
        long department = jdbc.queryForObject("select id from department where name = 'Evergreen Terrace Fire'",
                Long.class);
        seeding.ensureAccount("evergreen-admin", "Eve Green", Role.ADMINISTRATOR, department,
                "a long and private passphrase", false);
        signIn("evergreen-admin");
        navigate("preferences");
        jdbc.update("update department set time_zone = 'America/Denver', version = version + 1 where id = ?",
                department);

        @SuppressWarnings("unchecked")
        RadioButtonGroup<DistanceUnit> units = _get(RadioButtonGroup.class, spec -> spec.withLabel("Distances"));
        units.setValue(DistanceUnit.KILOMETRES);
        _click(_get(Button.class, spec -> spec.withText("Save preferences")));
        expectNotifications("Another administrator changed the preferences meanwhile. The form shows theirs now; "
                + "change them again if still needed.");
        assertThat(units.getValue()).isEqualTo(DistanceUnit.MILES);
        assertThat(jdbc.queryForObject("select time_zone from department where id = ?", String.class, department))
                .isEqualTo("America/Denver");
    }

    @Test
    void anAdministratorSetsWhenApparatusCountAsNotReportingOrLowOnFuel() {
        jdbc.update("insert ignore into department (name, samsara_entitled, created_at) values "
                + "('Ogdenville Fire', false, now())");
        long department = jdbc.queryForObject("select id from department where name = 'Ogdenville Fire'",
                Long.class);
        seeding.ensureAccount("ogdenville-admin", "Olga Den", Role.ADMINISTRATOR, department,
                "a long and private passphrase", false);
        signIn("ogdenville-admin");
        navigate("preferences");
        IntegerField hours = _get(IntegerField.class, spec -> spec.withLabel(
                "Not reporting after (hours without a reading)"));
        IntegerField fuel = _get(IntegerField.class, spec -> spec.withLabel("Low fuel below (%)"));
        assertThat(hours.getValue()).as("the default").isEqualTo(24);
        assertThat(fuel.getValue()).as("the default").isEqualTo(25);

        hours.setValue(0);
        _click(_get(Button.class, spec -> spec.withText("Save preferences")));
        expectNotifications("Choose after how many hours without a reading an apparatus counts as not reporting: "
                + "from 1 to 720 (a month).");
        assertThat(preferences.fleetThresholds()).as("nothing saved").isEqualTo(FleetThresholds.DEFAULT);

        hours.setValue(48);
        fuel.setValue(15);
        _click(_get(Button.class, spec -> spec.withText("Save preferences")));
        expectNotifications("Preferences saved. Screens opened from now on use them.");
        assertThat(preferences.fleetThresholds()).isEqualTo(new FleetThresholds(48, 15));
        assertThat(jdbc.queryForObject("select detail from audit_event where department_id = ? and action = ?",
                String.class, department, AuditAction.PREFERENCES_CHANGED.name()))
                .isEqualTo("not reporting after 24 → 48 hours; low fuel below 25 → 15 %");
    }

    @ParameterizedTest
    @CsvSource({"success", "manager", "member"})
    void onlyAdministratorsOpenPreferences(String username) {
        signIn(username);
        assertThatThrownBy(() -> navigate("preferences")).hasMessageContaining("Access is denied");
        _assertNone(PreferencesView.class);
    }

    private String auditRow(String detail) {
        Grid<?> grid = _get(Grid.class);
        List<String> rows = IntStream.range(0, _size(grid))
                .mapToObj(i -> String.join(", ", _getFormattedRow(grid, i))).toList();
        // the JDK puts a narrow no-break space before AM/PM
        return rows.stream().filter(r -> r.contains(detail)).findFirst().orElseThrow().replace('\u202f', ' ');
    }
}
