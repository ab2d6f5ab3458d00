package com.rigsync.department.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;

import com.rigsync.base.DistanceUnit;
import com.rigsync.base.ui.DisplayFormats;
import com.rigsync.base.ui.Notifications;
import com.rigsync.department.DepartmentPreferences;
import com.rigsync.department.FleetThresholds;
import com.rigsync.department.PreferencesService;
import com.rigsync.security.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Units and time zone (every distance, date and time the department's people see follows them), and when the
 * overview counts an apparatus as not reporting or low on fuel.
 */
@Route("preferences")
@PageTitle("Preferences | RigSync")
@Menu(title = "Preferences", order = 7, icon = "vaadin:sliders")
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class PreferencesView extends VerticalLayout {

    private final transient PreferencesService preferences;
    private final transient Clock clock;
    private final RadioButtonGroup<DistanceUnit> units = new RadioButtonGroup<>("Distances");
    private final ComboBox<ZoneId> zone = new ComboBox<>("Time zone");
    private final Paragraph example = new Paragraph();
    private final IntegerField notReportingHours = new IntegerField("Not reporting after (hours without a reading)");
    private final IntegerField lowFuelPercent = new IntegerField("Low fuel below (%)");
    private long version;

    PreferencesView(PreferencesService preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
        addClassName("view");

        units.setItems(DistanceUnit.values());
        units.setItemLabelGenerator(DistanceUnit::label);
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(id -> id.contains("/") || id.equals("UTC"))
                .filter(id -> !id.startsWith("Etc/") && !id.startsWith("SystemV/")).map(ZoneId::of)
                .sorted(Comparator.comparing(ZoneId::getId)).toList());
        zone.setItemLabelGenerator(ZoneId::getId);
        zone.setHelperText("Type a city, such as Chicago or Denver");
        zone.setWidth("20em");
        units.addValueChangeListener(e -> showExample());
        zone.addValueChangeListener(e -> showExample());
        notReportingHours.setMin(1);
        notReportingHours.setMax(FleetThresholds.MAX_NOT_REPORTING_HOURS);
        notReportingHours.setStepButtonsVisible(true);
        notReportingHours.setHelperText("The overview lists apparatus Samsara has not heard from for this long");
        lowFuelPercent.setMin(1);
        lowFuelPercent.setMax(99);
        lowFuelPercent.setStepButtonsVisible(true);
        lowFuelPercent.setHelperText("The overview lists apparatus whose fuel is below this level");
        FormLayout form = new FormLayout(units, zone, notReportingHours, lowFuelPercent);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("28em");

        Button save = new Button("Save preferences", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Preferences"), new Paragraph("Every distance, date and time your department's people see "
                + "follows these, and the overview counts apparatus by them."), form, example, save);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        show(preferences.preferences());
    }

    private void show(DepartmentPreferences current) {
        units.setValue(current.units());
        zone.setValue(current.zone());
        notReportingHours.setValue(current.fleet().notReportingHours());
        lowFuelPercent.setValue(current.fleet().lowFuelPercent());
        version = current.version();
    }

    private void showExample() {
        if (units.getValue() == null || zone.getValue() == null) {
            example.setText("");
            return;
        }
        example.setText("Shown as: " + DisplayFormats.dateTime(clock.instant(), zone.getValue()) + " · "
                + DisplayFormats.distance(19_867_545.0, units.getValue()));
    }

    private void save() {
        try {
            if (notReportingHours.getValue() == null || lowFuelPercent.getValue() == null) {
                Notifications.error("Fill in when an apparatus counts as not reporting and as low on fuel.");
                return;
            }
            FleetThresholds fleet = new FleetThresholds(notReportingHours.getValue(), lowFuelPercent.getValue());
            show(preferences.savePreferences(units.getValue(), zone.getValue(), fleet, version));
            Notifications.success("Preferences saved. Screens opened from now on use them.");
        } catch (OptimisticLockingFailureException e) {
            Notifications.error("Another administrator changed the preferences meanwhile. The form shows theirs "
                    + "now; change them again if still needed.");
            show(preferences.preferences());
        } catch (IllegalArgumentException e) {
            Notifications.error(e.getMessage());
        }
    }
}
