package com.rigsync.clientsuccess;

import java.time.LocalDate;
import java.util.List;

import com.rigsync.KaribuTest;
import com.rigsync.audit.AuditAction;
import com.rigsync.clientsuccess.DepartmentShown;
import com.rigsync.clientsuccess.ui.DepartmentsView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepartmentsViewTest extends KaribuTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private AuthenticationConfiguration authenticationConfiguration;

    @Test
    void clientSuccessCreatesADepartmentWhoseAdministratorSignsInWithTheOneTimePassword() throws Exception {
        signIn("success");
        _click(_get(Button.class, spec -> spec.withText("Create department")));
        _get(TextField.class, spec -> spec.withLabel("Department name")).setValue("Ogdenville Fire District");
        _get(TextField.class, spec -> spec.withLabel("First administrator's name")).setValue("Olive Ogden");
        _get(TextField.class, spec -> spec.withLabel("First administrator's username")).setValue("oogden");
        _click(_get(Button.class, spec -> spec.withText("Create")));

        Div shown = _get(Div.class, spec -> spec.withClasses("one-time-password"));
        String oneTimePassword = shown.getText();
        assertThat(oneTimePassword).matches("[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}");
        assertThat(rowsOfGrid()).anySatisfy(row -> assertThat(row).startsWith("Ogdenville Fire District, Not included, 1,"));

        // stored only as a hash, and it really signs the administrator in
        String stored = jdbc.queryForObject("select password_hash from app_user where username = 'oogden'", String.class);
        assertThat(stored).doesNotContain(oneTimePassword).startsWith("{bcrypt}");
        AuthenticationManager authenticationManager = authenticationConfiguration.getAuthenticationManager();
        assertThat(authenticationManager.authenticate(
                new UsernamePasswordAuthenticationToken("oogden", oneTimePassword)).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> authenticationManager.authenticate(
                new UsernamePasswordAuthenticationToken("oogden", "rigsync-demo")))
                .isInstanceOf(BadCredentialsException.class);

        assertThat(auditActions("Ogdenville Fire District")).contains(AuditAction.DEPARTMENT_CREATED.name());
    }

    @Test
    void aDuplicateDepartmentIsRefusedWithTheReason() {
        signIn("success");
        _click(_get(Button.class, spec -> spec.withText("Create department")));
        _get(TextField.class, spec -> spec.withLabel("Department name")).setValue("Springfield Fire Rescue");
        _get(TextField.class, spec -> spec.withLabel("First administrator's name")).setValue("Someone");
        _get(TextField.class, spec -> spec.withLabel("First administrator's username")).setValue("someone-new");
        _click(_get(Button.class, spec -> spec.withText("Create")));

        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("Create department");
        assertThat(_get(Div.class, spec -> spec.withText("A department named 'Springfield Fire Rescue' already exists.")))
                .isNotNull();
        _assertNone(Div.class, spec -> spec.withClasses("one-time-password"));
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'someone-new'", Integer.class))
                .isZero();
    }

    @Test
    void entitlementIsSwitchedOnAfterAConfirmationAndAudited() {
        jdbc.update("insert into department (name, samsara_entitled, created_at) values ('Capital City Fire', false, now())");
        signIn("success");

        _click(planButtonOf("Capital City Fire"));
        _get(TextArea.class, spec -> spec.withLabel("Reason")).setValue("Signed the fleet add-on, order 1042");
        _click(_get(Button.class, spec -> spec.withText("Yes, include Samsara")));

        expectNotifications("Capital City Fire: Samsara integration included.");
        assertThat(rowOf("Capital City Fire")).startsWith("Capital City Fire, Included");
        assertThat(jdbc.queryForObject("select samsara_entitled from department where name = 'Capital City Fire'",
                Boolean.class)).isTrue();
        assertThat(auditActions("Capital City Fire")).containsExactly(AuditAction.ENTITLEMENT_ON.name());
        // the department's administrators read who and why in their audit log
        assertThat(jdbc.queryForObject("select detail from audit_event where target = 'Capital City Fire'",
                String.class)).isEqualTo("Samsara integration included by Client Success: "
                + "Casey Success. Reason: Signed the fleet add-on, order 1042");
    }

    @Test
    void aPlanChangeWithoutAReasonIsRefusedAndChangesNothing() {
        jdbc.update("insert into department (name, samsara_entitled, created_at) values ('Cypress Hollow Fire', true, now())");
        signIn("success");

        _click(planButtonOf("Cypress Hollow Fire"));
        _get(TextArea.class, spec -> spec.withLabel("Reason")).setValue("   ");
        _click(_get(Button.class, spec -> spec.withText("Yes, remove Samsara")));

        assertThat(_get(Div.class, spec -> spec.withClasses("dialog-error")).getText())
                .isEqualTo("Say why the plan changes (the department's administrators read it).");
        assertThat(rowOf("Cypress Hollow Fire")).startsWith("Cypress Hollow Fire, Included");
        assertThat(auditActions("Cypress Hollow Fire")).isEmpty();
    }

    @Test
    void aSwitchOffAtTheContractsEndWaitsForItsDay() {
        jdbc.update("insert into department (name, samsara_entitled, created_at) values ('Ogdenville Rescue', true, now())");
        signIn("success");

        _click(planButtonOf("Ogdenville Rescue"));
        _get(TextArea.class, spec -> spec.withLabel("Reason")).setValue("Contract not renewed");
        LocalDate contractEnd = LocalDate.now().plusDays(30);
        _get(DatePicker.class, spec -> spec.withLabel("Switch off on (optional)")).setValue(contractEnd);
        _click(_get(Button.class, spec -> spec.withText("Yes, remove Samsara")));

        expectNotifications("Ogdenville Rescue: Samsara integration to be removed on " + contractEnd + ".");
        assertThat(rowOf("Ogdenville Rescue")).startsWith("Ogdenville Rescue, Included");
        assertThat(auditActions("Ogdenville Rescue")).containsExactly(AuditAction.ENTITLEMENT_OFF_SCHEDULED.name());
    }

    @Test
    void searchAndFiltersNarrowTheGridAndTheFiguresCountDepartments() {
        jdbc.update("insert into department (name, samsara_entitled, created_at) values ('Zzyzx Volunteer Fire', false, now())");
        signIn("success");

        _get(TextField.class, spec -> spec.withPlaceholder("Search by name")).setValue("zzyzx");
        assertThat(rowsOfGrid()).singleElement().asString().startsWith("Zzyzx Volunteer Fire, Not included, 0, Not entitled");
        _get(Select.class).setValue(DepartmentShown.ENTITLED);
        assertThat(rowsOfGrid()).isEmpty();

        _get(TextField.class, spec -> spec.withPlaceholder("Search by name")).setValue("");
        assertThat(rowsOfGrid()).isNotEmpty().allSatisfy(row -> assertThat(row).contains(", Included, "));
        int entitled = jdbc.queryForObject("select count(*) from department where samsara_entitled", Integer.class);
        assertThat(rowsOfGrid()).hasSize(entitled);
        assertThat(_get(HorizontalLayout.class, spec -> spec.withClasses("department-figures")).getElement().getTextRecursively())
                .contains(entitled + " Samsara included");
    }

    @Test
    void cancellingTheConfirmationChangesNothing() {
        jdbc.update("insert into department (name, samsara_entitled, created_at) values ('North Haverbrook Fire', true, now())");
        signIn("success");

        _click(planButtonOf("North Haverbrook Fire"));
        _get(TextArea.class, spec -> spec.withLabel("Reason")).setValue("Unpaid invoices");
        _click(_get(Button.class, spec -> spec.withText("Cancel")));

        assertThat(rowOf("North Haverbrook Fire")).startsWith("North Haverbrook Fire, Included");
        assertThat(auditActions("North Haverbrook Fire")).isEmpty();
    }

    @Test
    void aPlanChangedMeanwhileIsNotOverwritten() {
        jdbc.update("insert into department (name, samsara_entitled, created_at) values ('Brockway Fire', false, now())");
        signIn("success");
        Button include = planButtonOf("Brockway Fire");
        // another Client Success user switches it on first
        jdbc.update("update department set samsara_entitled = true, version = version + 1 where name = 'Brockway Fire'");

        _click(include);
        _get(TextArea.class, spec -> spec.withLabel("Reason")).setValue("Signed the add-on");
        _click(_get(Button.class, spec -> spec.withText("Yes, include Samsara")));

        expectNotifications("Brockway Fire was changed by someone else meanwhile. The list shows its current plan "
                + "now; try again if it is still needed.");
        assertThat(rowOf("Brockway Fire")).startsWith("Brockway Fire, Included");
        assertThat(auditActions("Brockway Fire")).isEmpty();
    }

    private Button planButtonOf(String department) {
        Grid<?> grid = _get(Grid.class);
        int row = rowsOfGrid().indexOf(rowOf(department));
        return (Button) _getCellComponent(grid, row, "plan");
    }

    private String rowOf(String department) {
        return rowsOfGrid().stream().filter(r -> r.startsWith(department + ",")).findFirst().orElseThrow();
    }

    private List<String> rowsOfGrid() {
        Grid<?> grid = _get(Grid.class);
        return java.util.stream.IntStream.range(0, _size(grid))
                .mapToObj(i -> String.join(", ", _getFormattedRow(grid, i))).toList();
    }

    private List<String> auditActions(String target) {
        return jdbc.queryForList("select action from audit_event where target = ? order by id", String.class, target);
    }
}
