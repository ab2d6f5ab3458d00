package com.rigsync.demo.ui;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import com.rigsync.base.ui.DisplayFormats;
import com.rigsync.base.ui.Notifications;
import com.rigsync.demo.DemoDepartment;
import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.annotation.Value;

/**
 * The demo's simulated Samsara organisation and its fault switches: outages, slowness, malformed answers, empty
 * pages, rate limits, revoked tokens, time moving on and vehicles changing in Samsara. No {@code @Route}: the demo
 * configuration registers it at {@value #ROUTE}, in the demo profile only. Only administrators and data managers of
 * the demo's own department may open it: the switches change what every department connected to it sees.
 */
@PageTitle("Simulated Samsara")
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.DATA_MANAGER_NAME})
public class SimulatedSamsaraView extends VerticalLayout implements BeforeEnterObserver {

    /**
     * Not {@code simulated-samsara} itself: that path belongs to the simulated API's servlet mapping
     * ({@code /simulated-samsara/*} also matches {@code /simulated-samsara}).
     */
    public static final String ROUTE = "demo/simulated-samsara";

    private static final List<DemoToken> DEMO_TOKENS = List.of(
            new DemoToken(SimulatedSamsara.GLOBAL_READ_TOKEN, "every read scope (Global Read)"),
            new DemoToken(SimulatedSamsara.NO_STATS_TOKEN, "every read scope except Read Vehicle Statistics"),
            new DemoToken(SimulatedSamsara.REVOKED_TOKEN, "answers 401, as a regenerated token does"),
            new DemoToken(SimulatedSamsara.DRIVER_TOKENS_TOKEN, "every read scope and Write Driver Auth Token"));

    private record DemoToken(String token, String access) {
    }

    private final transient SimulatedSamsara samsara;
    private final Div organisation = new Div();
    private final Div vehicleCount = new Div();
    private final Div requestCount = new Div();
    private final Div clock = new Div();
    private final Div faultState = new Div();
    private final Checkbox rateLimits = new Checkbox("Enforce Samsara's rate limits (429 with Retry-After)");
    private final ComboBox<SimulatedVehicle> vehicle = new ComboBox<>("Vehicle");
    private boolean refreshing;
    private final boolean secondInstance;

    private final transient CurrentUser currentUser;
    private final transient DemoDepartment demoDepartment;

    SimulatedSamsaraView(SimulatedSamsara samsara, CurrentUser currentUser, DemoDepartment demoDepartment,
                         @Value("${rigsync.demo.first-instance:}") String firstInstance) {
        this.samsara = samsara;
        this.secondInstance = !firstInstance.isBlank();
        this.currentUser = currentUser;
        this.demoDepartment = demoDepartment;
        addClassName("view");

        Div banner = new Div("Simulated Samsara — demo only. A stand-in Samsara organisation served by this demo; "
                + "no real Samsara account is involved.");
        banner.addClassName("note");
        add(new H2("Simulated Samsara — demo only"), banner);
        if (secondInstance) {
            // its switches would change a simulator nobody syncs against: send the reader to the one in use
            String first = firstInstance.strip().replaceAll("/+$", "") + "/" + ROUTE;
            add(new Paragraph("This is a second demo instance: its syncs use the simulated Samsara of the first "
                    + "instance, as the first instance's own syncs do. Switch faults there:"),
                    new Anchor(first, first));
            return;
        }
        add(new com.vaadin.flow.router.RouterLink("Demo mailbox: the alert mail sent to you", DemoMailboxView.class));
        add(new Paragraph("API base URL: " + apiBaseUrl() + " (the same paths as https://api.samsara.com)."));
        add(organisation, vehicleCount, requestCount, clock);

        add(new H3("Demo API tokens"));
        UnorderedList tokens = new UnorderedList();
        DEMO_TOKENS.forEach(t -> tokens.add(new ListItem(new Span(t.token()), new Span(" — " + t.access()))));
        add(tokens);

        add(new H3("Fault switches"), faultState);
        add(countSwitch("Requests to fail", "Fail next requests with 503", n -> {
            samsara.failNextRequests(n);
            return n == 0 ? "Requests to the simulated Samsara no longer fail."
                    : "The next " + n + " requests to the simulated Samsara will answer 503 (unavailable).";
        }));
        add(countSwitch("Stats requests to fail", "Fail next stats requests with 503", n -> {
            samsara.failNextRequestsTo("/fleet/vehicles/stats", n, 503);
            return "The next " + n + " vehicle stats requests will answer 503; the vehicle list still works.";
        }));
        add(countSwitch("Requests to rate-limit", "Answer 429 (Retry-After 0.40235 s)", n -> {
            samsara.rateLimitNextRequests(null, n, "0.40235");
            return "The next " + n + " requests will answer 429 with Retry-After: 0.40235 (seconds).";
        }));
        add(countSwitch("Response delay (ms)", "Set response delay", ms -> {
            samsara.setResponseDelay(Duration.ofMillis(ms));
            return ms == 0 ? "The simulated Samsara answers without delay."
                    : "Every answer of the simulated Samsara now waits " + ms + " ms.";
        }));
        add(countSwitch("Answers to malform", "Send malformed JSON", n -> {
            samsara.malformNextResponses(n);
            return "The next " + n + " JSON answers will be cut off and unreadable.";
        }));
        add(countSwitch("Empty pages", "Insert empty pages", n -> {
            samsara.insertEmptyPages(n);
            return "The next " + n + " list pages will come back empty, with more pages announced.";
        }));
        add(countSwitch("Pages without a cursor", "Announce more without a cursor", n -> {
            samsara.announceMoreWithoutCursor(n);
            return "The next " + n + " list pages will bring half their items and announce more without a cursor.";
        }));
        rateLimits.addValueChangeListener(e -> {
            if (!refreshing && e.getValue() != samsara.faults().rateLimitsEnabled()) {
                samsara.setRateLimitsEnabled(e.getValue());
                Notifications.success(e.getValue() ? "Rate limits are on: fast callers get 429 with Retry-After."
                        : "Rate limits are off: the simulated Samsara answers every request.");
                refresh();
            }
        });
        add(rateLimits);

        Select<String> token = new Select<>();
        token.setLabel("Demo token");
        token.setItems(DEMO_TOKENS.stream().map(DemoToken::token).toList());
        Button revoke = new Button("Revoke token", e -> {
            if (token.getValue() == null) {
                Notifications.error("Choose a demo token to revoke.");
                return;
            }
            samsara.revokeToken(token.getValue());
            Notifications.success("Token " + token.getValue() + " is revoked: calls with it now answer 401. "
                    + "Reset the simulator to restore it.");
            refresh();
        });
        add(row(token, revoke));

        Button hour = new Button("Advance clock 1 hour", e -> advance(Duration.ofHours(1), "1 hour"));
        Button day = new Button("Advance clock 1 day", e -> advance(Duration.ofDays(1), "1 day"));
        add(row(hour, day));

        vehicle.setItemLabelGenerator(v -> v.name() + " (" + v.id() + ")");
        vehicle.setWidth("22em");
        Button delete = new Button("Delete vehicle", e -> withVehicle(v -> {
            samsara.deleteVehicle(v.id());
            return v.name() + " (" + v.id() + ") is deleted in the simulated Samsara: its id now answers 404.";
        }));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        TextField vin = new TextField("New VIN");
        vin.setHelperText("Leave empty to remove the VIN");
        Button changeVin = new Button("Change VIN", e -> withVehicle(v -> {
            String newVin = vin.getValue().isBlank() ? null : vin.getValue().trim();
            samsara.changeVin(v.id(), newVin);
            return newVin == null ? v.name() + " no longer has a VIN in the simulated Samsara."
                    : v.name() + " now has VIN " + newVin + " in the simulated Samsara.";
        }));
        Button odometerBack = new Button("Odometer back 1,000 km", e -> withVehicle(v -> {
            samsara.moveOdometer(v.id(), -1_000_000);
            return v.name() + "'s odometer now reads 1,000 km less, as after a gateway swap; advance the clock so "
                    + "a new reading is taken.";
        }));
        Button odometerJump = new Button("Odometer jump +5,000 km", e -> withVehicle(v -> {
            samsara.moveOdometer(v.id(), 5_000_000);
            return v.name() + "'s odometer now reads 5,000 km more, an implausible jump; advance the clock so a new "
                    + "reading is taken.";
        }));
        Button raiseFault = new Button("Raise a fault code", e -> withVehicle(v -> {
            samsara.raiseFaultCode(v.id());
            return v.name() + " now reports an active fault code with its warning lamp on; the next sync brings it "
                    + "and the alert follows within a minute.";
        }));
        Button silence = new Button("Silence vehicle", e -> withVehicle(v -> {
            samsara.silenceVehicle(v.id());
            return v.name() + "'s gateway went quiet: nothing new comes from it. It counts as not reporting once "
                    + "its last reading is older than the department's threshold (Preferences).";
        }));
        add(row(vehicle, delete, vin, changeVin));
        add(row(odometerBack, odometerJump, raiseFault, silence));

        Button reset = new Button("Reset simulator", e -> {
            samsara.reset();
            Notifications.success("The simulated Samsara is reset: no faults, rate limits on, the demo fleet and "
                    + "tokens restored, OAuth connections and request counts cleared. The clock keeps its time.");
            refresh();
        });
        reset.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(reset);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        refresh();
    }

    private interface Action {
        String apply(int count);
    }

    private interface VehicleAction {
        String apply(SimulatedVehicle vehicle);
    }

    private Component countSwitch(String label, String buttonText, Action action) {
        IntegerField count = new IntegerField(label);
        count.setMin(0);
        count.setStepButtonsVisible(true);
        count.setValue(0);
        Button apply = new Button(buttonText, e -> {
            Integer n = count.getValue();
            if (n == null || n < 0) {
                Notifications.error(label + ": enter a number of 0 or more.");
                return;
            }
            Notifications.success(action.apply(n));
            refresh();
        });
        return row(count, apply);
    }

    private void advance(Duration amount, String label) {
        samsara.advanceClock(amount);
        Notifications.success("The simulated Samsara's clock moved forward " + label + ": OAuth access tokens age, "
                + "and odometers and engine hours grow.");
        refresh();
    }

    private void withVehicle(VehicleAction action) {
        SimulatedVehicle chosen = vehicle.getValue();
        if (chosen == null) {
            Notifications.error("Choose a vehicle first.");
            return;
        }
        try {
            Notifications.success(action.apply(chosen));
        } catch (IllegalArgumentException gone) {
            Notifications.error(chosen.name() + " is no longer in the simulated Samsara. Reset the simulator to "
                    + "bring it back.");
        }
        vehicle.clear();
        refresh();
    }

    private void refresh() {
        if (secondInstance) {
            return;
        }
        List<SimulatedVehicle> vehicles = samsara.vehicles().stream()
                .sorted(Comparator.comparing(SimulatedVehicle::name)).toList();
        organisation.setText("Organisation: " + SimulatedFleet.ORGANIZATION_NAME + " (id "
                + SimulatedFleet.ORGANIZATION_ID + ")");
        vehicleCount.setText("Vehicles: " + vehicles.size());
        int unversioned = samsara.requestCountWithoutVersion();
        requestCount.setText("Requests answered: " + samsara.requestCount() + (unversioned == 0
                ? ", every one asking for an API version"
                : ", " + unversioned + " without X-Samsara-Version (answered in the token's own version)"));
        clock.setText("Simulated time: " + DisplayFormats.dateTime(samsara.now(), ZoneOffset.UTC) + " UTC"
                + (samsara.clockOffset().isZero() ? "" : " (moved forward " + samsara.clockOffset() + ")"));
        var faults = samsara.faults();
        faultState.setText("Now: " + faults.failuresLeft() + " requests to fail with " + faults.failureStatus()
                + ", response delay " + faults.responseDelay().toMillis() + " ms, " + faults.malformedLeft()
                + " answers to malform, " + faults.emptyPagesLeft() + " empty pages to insert, rate limits "
                + (faults.rateLimitsEnabled() ? "on" : "off") + ".");
        refreshing = true;
        try {
            rateLimits.setValue(faults.rateLimitsEnabled());
        } finally {
            refreshing = false;
        }
        vehicle.setItems(vehicles);
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    /** Where this server answers as Samsara, as the browser reached it. */
    private static String apiBaseUrl() {
        var request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return "/simulated-samsara";
        }
        var http = request.getHttpServletRequest();
        String port = (http.getScheme().equals("http") && http.getServerPort() == 80)
                || (http.getScheme().equals("https") && http.getServerPort() == 443) ? "" : ":" + http.getServerPort();
        return http.getScheme() + "://" + http.getServerName() + port + http.getContextPath() + "/simulated-samsara";
    }

    /** Other departments' administrators are refused as if the page were not there. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!demoDepartment.is(currentUser.get().map(u -> u.departmentId()).orElse(null))) {
            event.rerouteToError(NotFoundException.class);
        }
    }
}
