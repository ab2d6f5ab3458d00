package com.rigsync.people;

import com.rigsync.KaribuTest;
import com.rigsync.apparatus.ui.OverviewView;
import com.rigsync.audit.ui.AuditLogView;
import com.rigsync.people.ui.ChangePasswordView;
import com.rigsync.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

class ChangePasswordViewTest extends KaribuTest {

    private static final String ONE_TIME = "Temp-Pass-2345";
    private static final String CHOSEN = "engine seven rolls at dawn";

    @Autowired
    private AccountSeeding seeding;
    @Autowired
    private JdbcTemplate jdbc;

    private long springfield() {
        return jdbc.queryForObject("select id from department where name = 'Springfield Fire Rescue'", Long.class);
    }

    @Test
    void someoneWithAOneTimePasswordIsHeldOnChangePasswordUntilTheyChooseTheirOwn() {
        seeding.ensureAccount("forced-admin", "Frankie Forced", Role.ADMINISTRATOR, springfield(), ONE_TIME, true);
        signIn("forced-admin");
        _assertOne(ChangePasswordView.class);
        assertThat(_get(PasswordField.class, spec -> spec.withLabel("One-time password"))).isNotNull();

        // whatever address they type, they are sent back here
        navigate("audit-log");
        _assertOne(ChangePasswordView.class);
        navigate("users");
        _assertOne(ChangePasswordView.class);

        _get(PasswordField.class, spec -> spec.withLabel("One-time password")).setValue(ONE_TIME);
        _get(PasswordField.class, spec -> spec.withLabel("New password")).setValue("short");
        _get(PasswordField.class, spec -> spec.withLabel("New password again")).setValue("short");
        _click(_get(Button.class, spec -> spec.withText("Save new password")));
        assertThat(_get(Div.class, spec -> spec.withClasses("form-error")).getText())
                .startsWith("Choose a password of at least 12 characters.");
        navigate("audit-log");
        _assertOne(ChangePasswordView.class);

        _get(PasswordField.class, spec -> spec.withLabel("One-time password")).setValue(ONE_TIME);
        _get(PasswordField.class, spec -> spec.withLabel("New password")).setValue(CHOSEN);
        _get(PasswordField.class, spec -> spec.withLabel("New password again")).setValue(CHOSEN);
        _click(_get(Button.class, spec -> spec.withText("Save new password")));
        expectNotifications("Your password is changed. Use it the next time you sign in.");
        _assertOne(OverviewView.class);
        navigate("audit-log");
        _assertOne(AuditLogView.class);
    }

    @Test
    void everyoneChangesTheirOwnPasswordWithTheCurrentOne() {
        seeding.ensureAccount("self-changer", "Sky Changer", Role.MEMBER, springfield(), "the current secret 1",
                false);
        signIn("self-changer");
        _assertOne(OverviewView.class);
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        _assertOne(ChangePasswordView.class);

        _get(PasswordField.class, spec -> spec.withLabel("Current password")).setValue("not the current one");
        _get(PasswordField.class, spec -> spec.withLabel("New password")).setValue(CHOSEN);
        _get(PasswordField.class, spec -> spec.withLabel("New password again")).setValue(CHOSEN);
        _click(_get(Button.class, spec -> spec.withText("Save new password")));
        assertThat(_get(Div.class, spec -> spec.withClasses("form-error")).getText())
                .isEqualTo("Your current password is not right. Type it again.");

        _get(PasswordField.class, spec -> spec.withLabel("Current password")).setValue("the current secret 1");
        _get(PasswordField.class, spec -> spec.withLabel("New password")).setValue(CHOSEN);
        _get(PasswordField.class, spec -> spec.withLabel("New password again")).setValue(CHOSEN + "!");
        _click(_get(Button.class, spec -> spec.withText("Save new password")));
        assertThat(_get(Div.class, spec -> spec.withClasses("form-error")).getText())
                .startsWith("The two new passwords differ.");

        _get(PasswordField.class, spec -> spec.withLabel("New password again")).setValue(CHOSEN);
        _click(_get(Button.class, spec -> spec.withText("Save new password")));
        expectNotifications("Your password is changed. Use it the next time you sign in.");
        assertThat(jdbc.queryForObject("select action from audit_event where target = 'self-changer'", String.class))
                .isEqualTo("PASSWORD_CHANGED");
    }
}
