package com.rigsync.people;

import java.util.List;
import java.util.stream.IntStream;

import com.rigsync.KaribuTest;
import com.rigsync.audit.AuditAction;
import com.rigsync.people.ui.UsersView;
import com.rigsync.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsersViewTest extends KaribuTest {

    private static final String PASSWORD = "a long and private passphrase";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private AccountSeeding seeding;

    private long springfield() {
        return jdbc.queryForObject("select id from department where name = 'Springfield Fire Rescue'", Long.class);
    }

    @Test
    void anAdministratorAddsADataManagerAndSeesTheOneTimePasswordOnce() {
        signIn("admin");
        navigate("users");
        assertThat(_get(H2.class).getText()).isEqualTo("Users");
        _click(_get(Button.class, spec -> spec.withText("Add person")));
        _get(TextField.class, spec -> spec.withLabel("Name")).setValue("Dana Data");
        _get(TextField.class, spec -> spec.withLabel("Username")).setValue("dana-data");
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, spec -> spec.withLabel("Role"));
        assertThat(role.getListDataView().getItems()).containsExactly(Role.ADMINISTRATOR, Role.DATA_MANAGER,
                Role.MEMBER);
        role.setValue(Role.DATA_MANAGER);
        _click(_get(Button.class, spec -> spec.withText("Add")));

        String oneTimePassword = _get(Div.class, spec -> spec.withClasses("one-time-password")).getText();
        assertThat(oneTimePassword).matches("[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}");
        _click(_get(Button.class, spec -> spec.withText("I have passed it on")));
        _assertNone(Div.class, spec -> spec.withClasses("one-time-password"));
        assertThat(rowOf("Dana Data")).startsWith("Dana Data, dana-data, Data manager, Active, must choose a password");
        assertThat(jdbc.queryForObject("select must_change_password from app_user where username = 'dana-data'",
                Boolean.class)).isTrue();
        assertThat(jdbc.queryForList("select action from audit_event where target = 'dana-data'", String.class))
                .containsExactly(AuditAction.USER_ADDED.name());
    }

    @Test
    void anAdministratorSeesOnlyTheirOwnDepartment() {
        signIn("admin");
        navigate("users");
        assertThat(rows()).anyMatch(r -> r.startsWith("Max Member, member, Member, Active"))
                .noneMatch(r -> r.contains("shelbyville-admin"))
                .noneMatch(r -> r.contains("Casey Success"));
    }

    @Test
    void anAdministratorDisablesAfterConfirmingAndEnablesAgain() {
        seeding.ensureAccount("ui-disable", "Dee Disable", Role.MEMBER, springfield(), PASSWORD, false);
        signIn("admin");
        navigate("users");

        _click(actionOf("Dee Disable", "Disable"));
        _click(_get(Button.class, spec -> spec.withText("Yes, disable")));
        expectNotifications("Dee Disable is disabled.");
        assertThat(rowOf("Dee Disable")).contains(", Disabled,");

        _click(actionOf("Dee Disable", "Enable"));
        expectNotifications("Dee Disable may sign in again.");
        assertThat(rowOf("Dee Disable")).contains(", Active,");
        assertThat(jdbc.queryForList("select action from audit_event where target = 'ui-disable' order by id",
                String.class)).containsExactly(AuditAction.USER_DISABLED.name(), AuditAction.USER_ENABLED.name());
    }

    @Test
    void anAdministratorChangesARoleAndResetsAPassword() {
        seeding.ensureAccount("ui-promote", "Pat Promote", Role.MEMBER, springfield(), PASSWORD, false);
        signIn("admin");
        navigate("users");

        _click(actionOf("Pat Promote", "Change role"));
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, spec -> spec.withLabel("Role"));
        role.setValue(Role.DATA_MANAGER);
        _click(_get(Button.class, spec -> spec.withText("Save role")));
        expectNotifications("Pat Promote is now Data manager.");
        assertThat(rowOf("Pat Promote")).startsWith("Pat Promote, ui-promote, Data manager, Active,");

        _click(actionOf("Pat Promote", "Reset password"));
        _click(_get(Button.class, spec -> spec.withText("Yes, reset")));
        assertThat(_get(Div.class, spec -> spec.withClasses("one-time-password")).getText())
                .matches("[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}");
        assertThat(rowOf("Pat Promote")).contains("Active, must choose a password");
    }

    @Test
    void theLastAdministratorIsToldWhyTheyCannotStepDown() {
        signIn("shelbyville-admin");
        navigate("users");
        _click(actionOf("Sam Shelby", "Change role"));
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, spec -> spec.withLabel("Role"));
        role.setValue(Role.MEMBER);
        _click(_get(Button.class, spec -> spec.withText("Save role")));
        expectNotifications("Sam Shelby is the last enabled administrator of the department. Make someone else an "
                + "administrator first.");
        assertThat(rowOf("Sam Shelby")).contains(", Administrator, Active");
        // and their own password is changed with the current one, not reset from here
        assertThat(actionOf("Sam Shelby", "Reset password").isEnabled()).isFalse();
    }

    @Test
    void aChangeMadeMeanwhileIsNotOverwritten() {
        seeding.ensureAccount("ui-meanwhile", "Mo Meanwhile", Role.MEMBER, springfield(), PASSWORD, false);
        signIn("admin");
        navigate("users");
        Button disable = actionOf("Mo Meanwhile", "Disable");
        jdbc.update("update app_user set role = 'DATA_MANAGER', version = version + 1 where username = 'ui-meanwhile'");

        _click(disable);
        _click(_get(Button.class, spec -> spec.withText("Yes, disable")));
        expectNotifications("That person was changed by someone else meanwhile. The list shows them as they are "
                + "now; try again if it is still needed.");
        assertThat(rowOf("Mo Meanwhile")).contains(", Data manager, Active");
    }

    @Test
    void clientSuccessManagesClientSuccessAccountsOnly() {
        signIn("success");
        navigate("users");
        assertThat(_get(H2.class).getText()).isEqualTo("Client Success accounts");
        assertThat(rows()).anyMatch(r -> r.startsWith("Casey Success, success, Client Success"))
                .noneMatch(r -> r.contains("Max Member")).noneMatch(r -> r.contains("Alex Admin"));

        _click(_get(Button.class, spec -> spec.withText("Add person")));
        _get(TextField.class, spec -> spec.withLabel("Name")).setValue("Chris Colleague");
        _get(TextField.class, spec -> spec.withLabel("Username")).setValue("cs-colleague");
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, spec -> spec.withLabel("Role"));
        assertThat(role.getListDataView().getItems()).containsExactly(Role.CLIENT_SUCCESS);
        _click(_get(Button.class, spec -> spec.withText("Add")));
        _get(Div.class, spec -> spec.withClasses("one-time-password"));
        assertThat(jdbc.queryForObject("select department_id is null and role = 'CLIENT_SUCCESS' from app_user "
                + "where username = 'cs-colleague'", Boolean.class)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"manager", "member", "shelbyville-admin"})
    void othersCannotOpenSomeoneElsesUsersScreen(String username) {
        signIn(username);
        if (username.equals("shelbyville-admin")) {
            // an administrator opens Users, but only ever sees their own department
            navigate("users");
            assertThat(rows()).allMatch(r -> !r.contains("Springfield") && !r.contains("Max Member"));
            return;
        }
        assertThatThrownBy(() -> navigate("users")).hasMessageContaining("Access is denied");
        _assertNone(UsersView.class);
    }

    private Button actionOf(String name, String action) {
        Grid<?> grid = _get(Grid.class);
        int row = rows().indexOf(rowOf(name));
        Component actions = _getCellComponent(grid, row, "actions");
        return _get(actions, Button.class, spec -> spec.withText(action));
    }

    private String rowOf(String name) {
        return rows().stream().filter(r -> r.startsWith(name + ",")).findFirst().orElseThrow();
    }

    private List<String> rows() {
        Grid<?> grid = _get(Grid.class);
        return IntStream.range(0, _size(grid)).mapToObj(i -> String.join(", ", _getFormattedRow(grid, i))).toList();
    }
}
