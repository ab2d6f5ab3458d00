package com.rigsync.apparatus;

import java.util.List;
import java.util.stream.IntStream;

import com.rigsync.KaribuTest;
import com.rigsync.testing.SignIn;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reviewing a flagged Samsara link on the apparatus page: confirm, take Samsara's VIN, unlink; and the history. */
class LinkReviewViewTest extends KaribuTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CachedSamsaraVehicles vehicleCache;
    @Autowired
    private LinkReview review;
    @Autowired
    private UserDetailsService users;

    private ApparatusFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ApparatusFixtures(jdbc, vehicleCache);
    }

    private long flagged(String unit, String vin, String samsaraVin, String flag) {
        String samsaraId = ApparatusFixtures.uniqueSamsaraId();
        fixtures.cacheVehicle(fixtures.springfield(), samsaraId, unit + " in Samsara", samsaraVin);
        long id = fixtures.insert(fixtures.springfield(), unit, vin, samsaraId);
        jdbc.update("update apparatus set link_flag = ? where id = ?", flag, id);
        return id;
    }

    @Test
    void anEditorConfirmsALinkAfterTheOrganisationChangedAndTheHistoryShowsIt() {
        String unit = ApparatusFixtures.uniqueUnit("Org Engine");
        String vin = ApparatusFixtures.uniqueVin();
        long id = flagged(unit, vin, vin, "REVIEW_ORGANISATION_CHANGED");
        signIn("manager");
        navigate("apparatus/" + id);

        _click(_get(Button.class, spec -> spec.withText("Confirm link")));

        expectNotifications(unit + "'s link to Samsara vehicle " + fixtures.column(id, "samsara_vehicle_id")
                + " is confirmed.");
        assertThat(fixtures.column(id, "link_flag")).isEqualTo("NONE");
        _assertNone(Button.class, spec -> spec.withText("Confirm link"));
        assertThat(history()).singleElement().satisfies(row -> assertThat(row)
                .contains("Samsara link confirmed after review").contains("confirmed after the organisation changed"));
    }

    @Test
    void anEditorTakesSamsarasVinForANearMissAndTheOldVinIsKept() {
        String unit = ApparatusFixtures.uniqueUnit("Near Engine");
        String samsaraVin = ApparatusFixtures.uniqueVin();
        String typed = samsaraVin.replaceFirst("0", "O");
        long id = flagged(unit, typed, samsaraVin, "REVIEW_VIN_MISMATCH");
        signIn("admin");
        navigate("apparatus/" + id);

        _click(_get(Button.class, spec -> spec.withText("Use Samsara's VIN " + samsaraVin)));

        assertThat(fixtures.column(id, "vin")).isEqualTo(samsaraVin);
        assertThat(fixtures.column(id, "link_flag")).isEqualTo("NONE");
        assertThat(jdbc.queryForObject("select detail from audit_event where apparatus_id = ?", String.class, id))
                .startsWith("VIN: " + typed + " → " + samsaraVin + " (taken from Samsara vehicle ");
        assertThat(history()).singleElement().satisfies(row -> assertThat(row).contains("VIN: " + typed));
    }

    @Test
    void anEditorUnlinksAfterAConfirmationAndMembersCannotReviewAtAll() {
        String unit = ApparatusFixtures.uniqueUnit("Gone Engine");
        long id = flagged(unit, ApparatusFixtures.uniqueVin(), null, "SAMSARA_VEHICLE_GONE");

        signIn("member");
        navigate("apparatus/" + id);
        _assertNone(Button.class, spec -> spec.withText("Unlink"));
        long version = Long.parseLong(fixtures.column(id, "version"));
        assertThatThrownBy(() -> review.unlink(id, version)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.confirm(id, version)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.takeSamsaraVin(id, version)).isInstanceOf(AccessDeniedException.class);

        signIn("manager");
        navigate("apparatus/" + id);
        _click(_get(Button.class, spec -> spec.withText("Unlink")));
        _click(_get(Button.class, spec -> spec.withText("Unlink " + unit)));
        expectNotifications(unit + " unlinked from Samsara.");
        assertThat(fixtures.column(id, "samsara_vehicle_id")).isNull();
        assertThat(history()).singleElement().satisfies(row -> assertThat(row).contains("Samsara ID unlinked"));
    }

    @Test
    void aReviewOverAChangeMadeMeanwhileIsRefused() {
        String vin = ApparatusFixtures.uniqueVin();
        long id = flagged(ApparatusFixtures.uniqueUnit("Raced Engine"), vin, vin, "REVIEW_ORGANISATION_CHANGED");
        SignIn.as(users, "manager");
        long version = Long.parseLong(fixtures.column(id, "version"));
        jdbc.update("update apparatus set version = version + 1, updated_by = 'Pat Rivera' where id = ?", id);
        assertThatThrownBy(() -> review.confirm(id, version)).isInstanceOf(ChangedMeanwhileException.class)
                .hasMessageContaining("changed by Pat Rivera meanwhile");
        assertThat(fixtures.column(id, "link_flag")).isEqualTo("REVIEW_ORGANISATION_CHANGED");
    }

    private static List<String> history() {
        Grid<?> grid = _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("changes") != null));
        return IntStream.range(0, _size(grid)).mapToObj(i -> String.join(" | ", _getFormattedRow(grid, i))).toList();
    }
}
