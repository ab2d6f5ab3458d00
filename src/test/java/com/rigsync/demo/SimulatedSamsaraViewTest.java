package com.rigsync.demo;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.rigsync.KaribuTest;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedSamsaraServer;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.demo.ui.SimulatedSamsaraView;
import com.rigsync.samsara.InvalidTokenException;
import com.rigsync.samsara.SamsaraClient;
import com.rigsync.samsara.SamsaraSession;
import com.rigsync.samsara.SamsaraUnavailableException;
import com.rigsync.samsara.TokenSource;
import com.rigsync.samsara.VehicleQuery;
import com.rigsync.security.ui.LoginView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's fault switches page drives the app's own simulated Samsara, as any Samsara client then sees it. */
class SimulatedSamsaraViewTest extends KaribuTest {

    @Autowired
    private SimulatedSamsara samsara;

    @AfterEach
    void resetSimulator() {
        samsara.reset();
    }

    @Test
    void aDataManagerOfTheDemoDepartmentFailsTheNextTwoRequestsWhichTheClientSeesAs503ThenSuccess() {
        signIn("manager");
        navigate(SimulatedSamsaraView.ROUTE);
        _assertOne(SimulatedSamsaraView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Simulated Samsara — demo only");

        _get(IntegerField.class, spec -> spec.withLabel("Requests to fail")).setValue(2);
        _click(_get(Button.class, spec -> spec.withText("Fail next requests with 503")));
        expectNotifications("The next 2 requests to the simulated Samsara will answer 503 (unavailable).");

        // the same simulator bean, reached over loopback HTTP as the app's own servlet would serve it
        try (var server = SimulatedSamsaraServer.start(samsara);
                var client = SamsaraClient.builder().baseUrl(server.baseUrl()).maxRetries(0).throttle(false).build()) {
            SamsaraSession session = client.session(TokenSource.of(SimulatedSamsara.GLOBAL_READ_TOKEN));
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(session::me).isInstanceOfSatisfying(SamsaraUnavailableException.class,
                        e -> assertThat(e.httpStatus()).hasValue(503));
            }
            assertThat(session.me().name()).isEqualTo("Springfield Fire Rescue (simulated)");
        }
    }

    @Test
    void thePageShowsTheOrganisationTokensAndCounts() {
        signIn("manager");
        navigate(SimulatedSamsaraView.ROUTE);

        String text = _get(SimulatedSamsaraView.class).getElement().getTextRecursively();
        assertThat(text).contains("Simulated Samsara — demo only", "Springfield Fire Rescue (simulated)",
                "Vehicles: " + samsara.vehicles().size(), "Requests answered: ",
                SimulatedSamsara.GLOBAL_READ_TOKEN, SimulatedSamsara.NO_STATS_TOKEN, SimulatedSamsara.REVOKED_TOKEN,
                SimulatedSamsara.DRIVER_TOKENS_TOKEN, "/simulated-samsara");
    }

    @Test
    void switchesForTokensClockVehiclesAndResetSayWhatTheyDid() {
        signIn("admin");
        navigate(SimulatedSamsaraView.ROUTE);
        SimulatedVehicle first = samsara.vehicles().getFirst();
        int vehicles = samsara.vehicles().size();

        @SuppressWarnings("unchecked")
        Select<String> token = _get(Select.class, spec -> spec.withLabel("Demo token"));
        token.setValue(SimulatedSamsara.NO_STATS_TOKEN);
        _click(_get(Button.class, spec -> spec.withText("Revoke token")));
        expectNotifications("Token samsara-demo-no-stats is revoked: calls with it now answer 401. Reset the "
                + "simulator to restore it.");

        _click(_get(Button.class, spec -> spec.withText("Advance clock 1 day")));
        expectNotifications("The simulated Samsara's clock moved forward 1 day: OAuth access tokens age, and "
                + "odometers and engine hours grow.");
        assertThat(samsara.clockOffset()).isGreaterThanOrEqualTo(Duration.ofDays(1));

        @SuppressWarnings("unchecked")
        ComboBox<SimulatedVehicle> vehicle = _get(ComboBox.class, spec -> spec.withLabel("Vehicle"));
        vehicle.setValue(first);
        _get(TextField.class, spec -> spec.withLabel("New VIN")).setValue("1FDUF5HT0KDA00001");
        _click(_get(Button.class, spec -> spec.withText("Change VIN")));
        expectNotifications(first.name() + " now has VIN 1FDUF5HT0KDA00001 in the simulated Samsara.");

        vehicle.setValue(samsara.vehicles().getFirst());
        _click(_get(Button.class, spec -> spec.withText("Delete vehicle")));
        expectNotifications(first.name() + " (" + first.id() + ") is deleted in the simulated Samsara: its id now "
                + "answers 404.");
        assertThat(samsara.vehicles()).hasSize(vehicles - 1);

        try (var server = SimulatedSamsaraServer.start(samsara);
                var client = SamsaraClient.builder().baseUrl(server.baseUrl()).maxRetries(0).throttle(false).build()) {
            assertThatThrownBy(() -> client.session(TokenSource.of(SimulatedSamsara.NO_STATS_TOKEN)).me())
                    .isInstanceOf(InvalidTokenException.class);
            assertThat(client.session(TokenSource.of(SimulatedSamsara.GLOBAL_READ_TOKEN))
                    .vehicles(VehicleQuery.all()).count()).isEqualTo(vehicles - 1);

            _click(_get(Button.class, spec -> spec.withText("Reset simulator")));
            expectNotifications("The simulated Samsara is reset: no faults, rate limits on, the demo fleet and "
                    + "tokens restored, OAuth connections and request counts cleared. The clock keeps its time.");
            assertThat(client.session(TokenSource.of(SimulatedSamsara.NO_STATS_TOKEN)).me().name())
                    .isEqualTo("Springfield Fire Rescue (simulated)");
            assertThat(client.session(TokenSource.of(SimulatedSamsara.GLOBAL_READ_TOKEN))
                    .vehicles(VehicleQuery.all()).count()).isEqualTo(vehicles);
        }
    }

    @Test
    void membersAndOtherDepartmentsCannotReachTheFaultSwitches() {
        for (String username : new String[] {"member", "shelbyville-admin"}) {
            signIn(username);
            // Karibu reports a refused navigation by throwing; the browser shows the not-found page
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                    () -> navigate(SimulatedSamsaraView.ROUTE));
            if (refused != null) {
                assertThat(refused.getMessage()).as(username).containsAnyOf("Access is denied", "Could not navigate",
                        "not found", "No route");
            }
            _assertNone(SimulatedSamsaraView.class);
            _assertNone(IntegerField.class, spec -> spec.withLabel("Requests to fail"));
        }
    }

    @Test
    void delayMalformedEmptyPagesAndRateLimitSwitchesAreSet() {
        signIn("manager");
        navigate(SimulatedSamsaraView.ROUTE);

        _get(IntegerField.class, spec -> spec.withLabel("Response delay (ms)")).setValue(250);
        _click(_get(Button.class, spec -> spec.withText("Set response delay")));
        expectNotifications("Every answer of the simulated Samsara now waits 250 ms.");
        _get(IntegerField.class, spec -> spec.withLabel("Answers to malform")).setValue(1);
        _click(_get(Button.class, spec -> spec.withText("Send malformed JSON")));
        expectNotifications("The next 1 JSON answers will be cut off and unreadable.");
        _get(IntegerField.class, spec -> spec.withLabel("Empty pages")).setValue(3);
        _click(_get(Button.class, spec -> spec.withText("Insert empty pages")));
        expectNotifications("The next 3 list pages will come back empty, with more pages announced.");
        _get(com.vaadin.flow.component.checkbox.Checkbox.class,
                spec -> spec.withLabel("Enforce Samsara's rate limits (429 with Retry-After)")).setValue(false);
        expectNotifications("Rate limits are off: the simulated Samsara answers every request.");

        SimulatedSamsara.Faults faults = samsara.faults();
        assertThat(faults.responseDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(faults.malformedLeft()).isEqualTo(1);
        assertThat(faults.emptyPagesLeft()).isEqualTo(3);
        assertThat(faults.rateLimitsEnabled()).isFalse();
        assertThat(_get(SimulatedSamsaraView.class).getElement().getTextRecursively())
                .contains("response delay 250 ms, 1 answers to malform, 3 empty pages to insert, rate limits off");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        navigate(SimulatedSamsaraView.ROUTE);
        _assertOne(LoginView.class);
        _assertNone(SimulatedSamsaraView.class);
    }
}
