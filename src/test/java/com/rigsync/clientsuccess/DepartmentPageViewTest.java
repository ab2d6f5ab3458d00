package com.rigsync.clientsuccess;

import java.time.Instant;

import com.rigsync.KaribuTest;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.clientsuccess.ui.DepartmentPageView;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class DepartmentPageViewTest extends KaribuTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aBrokenDepartmentsPageSaysWhatIsWrongAndSinceWhenWithoutItsToken() {
        jdbc.update("insert into department (name, samsara_entitled, created_at) values ('Broken Bow Fire', true, now())");
        long id = jdbc.queryForObject("select id from department where name = 'Broken Bow Fire'", Long.class);
        jdbc.update("insert into samsara_connection (department_id, enabled, region, auth_kind, secret_ciphertext,"
                + " secret_last4, org_name, health, last_used_at, updated_by, updated_at)"
                + " values (?, true, 'us', 'API_TOKEN', 'v1:k1:c2VjcmV0', 'ab12', 'Broken Bow County', 'NEEDS_ATTENTION',"
                + " '2026-11-30 08:00:00', 'admin', now())", id);
        jdbc.update("insert into audit_event (department_id, actor, action, detail, at)"
                + " values (?, 'system', 'SAMSARA_CONNECTION_STATE_CHANGED', 'needs attention', '2026-11-30 09:15:00')", id);
        jdbc.update("insert into sync_run (department_id, trigger_kind, started_at, finished_at, outcome, api_calls, error)"
                + " values (?, 'SCHEDULED', utc_timestamp(6) - interval 2 hour, utc_timestamp(6) - interval 2 hour"
                + " + interval 12 second, 'SUCCEEDED', 6, null),"
                + " (?, 'SCHEDULED', utc_timestamp(6) - interval 1 hour, utc_timestamp(6) - interval 1 hour"
                + " + interval 3 second, 'FAILED', 1, 'Samsara refused the token: it was revoked or has expired.')",
                id, id);
        jdbc.update("insert into app_user (department_id, username, display_name, password_hash, role, created_at)"
                + " values (?, 'bow-chief', 'Bo Bowman', '{noop}x', 'ADMINISTRATOR', now()),"
                + " (?, 'bow-member', 'Mel Member', '{noop}x', 'MEMBER', now())", id, id);
        signIn("success");

        UI.getCurrent().navigate("departments/" + id);

        assertThat(_get(H2.class).getText()).isEqualTo("Broken Bow Fire");
        assertThat(_find(_get(Nav.class, spec -> spec.withId("breadcrumbs")), ListItem.class).getLast().getElement()
                .getTextRecursively()).isEqualTo("Broken Bow Fire");
        String facts = _get(DescriptionList.class).getElement().getTextRecursively();
        assertThat(facts).contains("Needs attention since " + DisplayPreferences.CLIENT_SUCCESS.dateTime(Instant.parse("2026-11-30T09:15:00Z")), "API token", "Broken Bow County",
                "Samsara refused the token: it was revoked or has expired.", "0 linked, 0 not linked");
        assertThat(UI.getCurrent().getElement().getOuterHTML()).doesNotContain("c2VjcmV0").doesNotContain("ab12");
        Grid<?> runs = _get(Grid.class, spec -> spec.withClasses("run-history"));
        assertThat(_size(runs)).isEqualTo(2);
        assertThat(String.join(", ", _getFormattedRow(runs, 0))).contains("Failed", "3 s", "1",
                "Samsara refused the token");
        assertThat(String.join(", ", _getFormattedRow(runs, 1))).contains("Succeeded", "12 s", "6");
        assertThat(_get(Svg.class).getElement().getAttribute("aria-label"))
                .isEqualTo("Samsara API calls per day over the last 30 days");
        // only the administrators, never the department's other people
        Grid<?> admins = _get(Grid.class, spec -> spec.withClasses("administrators"));
        assertThat(_size(admins)).isEqualTo(1);
        assertThat(String.join(", ", _getFormattedRow(admins, 0))).startsWith("Bo Bowman, bow-chief, Can sign in");

        HorizontalLayout help = (HorizontalLayout) _getCellComponent(admins, 0, "help");
        _click((Button) help.getComponentAt(0));
        String password = _get(Div.class, spec -> spec.withClasses("one-time-password")).getText();
        assertThat(password).matches("[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where department_id = ? and action = "
                + "'PASSWORD_RESET_BY_CLIENT_SUCCESS'", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void aNeverConnectedDepartmentsPageSaysSoInPlainWords() {
        jdbc.update("insert into department (name, samsara_entitled, created_at) values ('Quiet Creek Fire', false, now())");
        long id = jdbc.queryForObject("select id from department where name = 'Quiet Creek Fire'", Long.class);
        signIn("success");

        UI.getCurrent().navigate(DepartmentPageView.class,
                new com.vaadin.flow.router.RouteParameters("departmentId", String.valueOf(id)));

        String facts = _get(DescriptionList.class).getElement().getTextRecursively();
        assertThat(facts).contains("Samsara integration not included", "Not entitled", "Not connected", "Never",
                "None");
        assertThat(_get(DepartmentPageView.class).getElement().getTextRecursively()).contains("No sync has run yet.",
                "No calls to Samsara in the last 30 days.");
        _assertNone(Svg.class);
    }
}
