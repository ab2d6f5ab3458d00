package com.rigsync.apparatus.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.rigsync.apparatus.ApparatusDetails;
import com.rigsync.apparatus.ApparatusRefusedException;
import com.rigsync.apparatus.ApparatusService;
import com.rigsync.apparatus.ApparatusStatus;
import com.rigsync.apparatus.LinkReview;
import com.rigsync.apparatus.MeterReadings;
import com.rigsync.apparatus.SamsaraLinking;
import com.rigsync.apparatus.SyncedValues;
import com.rigsync.apparatus.TelemetryService;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.security.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

/**
 * The apparatus page, /apparatus/{id}: one apparatus with its record, its Samsara link and everything synced for it,
 * each value with the time Samsara took it, its active fault codes and its meter history. Everyone in the department
 * reads it; administrators and data managers edit from it (the edit form). Another department's apparatus, or an
 * unknown number, reads exactly like a missing one. Not in the menu: the grid and the Sync tab lead here.
 */
@Route("apparatus/:" + ApparatusPageView.ID)
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.DATA_MANAGER_NAME, Role.MEMBER_NAME})
public class ApparatusPageView extends VerticalLayout implements BeforeEnterObserver, AfterNavigationObserver,
        HasDynamicTitle {

    static final String ID = "id";
    /**
     * The query parameter that opens the edit form over the page, such as /apparatus/42?edit=true; the grid's old
     * form bookmarks (/apparatus?edit=42) forward here with their query, so they open the form too.
     */
    static final String EDIT = ApparatusView.EDIT_PARAMETER;

    private final transient ApparatusService apparatus;
    private final transient SamsaraLinking linking;
    private final transient TelemetryService telemetry;
    private final transient MeterReadings meterReadings;
    private final transient DepartmentDisplay preferences;
    private final transient Clock clock;
    private final transient LinkReview linkReview;
    private Long apparatusId;
    private String title = "Apparatus | RigSync";
    /** What {@link #beforeEnter} showed, for the edit form that the address may ask for; null when missing. */
    private transient ApparatusDetails entered;

    ApparatusPageView(ApparatusService apparatus, SamsaraLinking linking, TelemetryService telemetry,
                      MeterReadings meterReadings, DepartmentDisplay preferences, Clock clock,
                      LinkReview linkReview) {
        this.apparatus = apparatus;
        this.linking = linking;
        this.telemetry = telemetry;
        this.meterReadings = meterReadings;
        this.preferences = preferences;
        this.clock = clock;
        this.linkReview = linkReview;
        addClassName("view");
        addClassName("apparatus-page");
    }

    /** A link to an apparatus' page, for other screens' lists. */
    public static RouterLink link(String text, long apparatusId) {
        return new RouterLink(text, ApparatusPageView.class, parameters(apparatusId));
    }

    /** Opens an apparatus' page, with the edit form over it when {@code edit} (editors only; others get the page). */
    static void open(long apparatusId, boolean edit) {
        UI.getCurrent().navigate(ApparatusPageView.class, parameters(apparatusId),
                edit ? QueryParameters.of(EDIT, "true") : QueryParameters.empty());
    }

    static RouteParameters parameters(long apparatusId) {
        return new RouteParameters(ID, String.valueOf(apparatusId));
    }

    /** Reads the apparatus before the layout asks for the page's name, so the breadcrumb ends in its unit name. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        apparatusId = event.getRouteParameters().get(ID).filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf)
                .orElse(null);
        entered = show().orElse(null);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        boolean edit = event.getLocation().getQueryParameters().getSingleParameter(EDIT).isPresent();
        if (edit && entered != null && apparatus.mayEdit()) {
            // the form opens once; a reload of the address shows the page
            UI.getCurrent().getPage().getHistory().replaceState(null, event.getLocation().getPath());
            openForm(entered);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /** Reads the apparatus afresh and shows it; empty (and a plain sentence) when the department has no such one. */
    private Optional<ApparatusDetails> show() {
        removeAll();
        ApparatusDetails details;
        try {
            details = apparatusId == null ? null : apparatus.details(apparatusId);
        } catch (ApparatusRefusedException e) {
            details = null;
        }
        if (details == null) {
            showMissing();
            return Optional.empty();
        }
        title = details.getUnitName() + " | RigSync";
        DisplayPreferences display = preferences.display();
        Instant now = clock.instant();
        boolean editable = apparatus.mayEdit();
        SyncedValues values = telemetry.syncedValues(details.getId());
        boolean linked = details.getSamsaraVehicleId() != null;
        add(header(details, editable));
        Div samsara = samsara(details, values, display, now);
        if (editable) {
            samsara.add(new LinkReviewActions(linkReview, details, this::reload));
        }
        Div top = new Div(record(details), samsara);
        top.addClassName("apparatus-columns");
        add(top, new SyncedValuesSection(values, linked, display, now),
                new FaultCodesSection(values.faults(), linked, display, now, values.notReportingAfter()),
                new MeterHistorySection(meterReadings, details.getId(), editable, display, this::reload),
                new ChangeHistorySection(apparatus.history(details.getId()), display));
        return Optional.of(details);
    }

    private void showMissing() {
        title = "Apparatus | RigSync";
        Paragraph missing = new Paragraph("No apparatus with this number in your department.");
        missing.setId("apparatus-missing");
        add(new H2("Apparatus"), missing, new RouterLink("Back to Apparatus", ApparatusView.class));
    }

    /** After the form saved or deleted: the page again, or the grid when the apparatus is gone. */
    private void reload() {
        if (show().isEmpty()) {
            UI.getCurrent().navigate(ApparatusView.class);
        }
    }

    private HorizontalLayout header(ApparatusDetails details, boolean editable) {
        RouterLink back = new RouterLink("Apparatus", ApparatusView.class);
        back.addClassName("back-link");
        H2 unit = new H2(details.getUnitName());
        unit.setId("apparatus-unit");
        Span status = new Span(statusText(details));
        status.setId("apparatus-status");
        status.addClassName("status-badge");
        status.addClassName(details.getStatus().name().toLowerCase().replace('_', '-'));
        HorizontalLayout header = new HorizontalLayout(back, unit, status);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        header.addClassName("apparatus-header");
        if (editable) {
            Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> openForm(current()));
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            edit.getStyle().set("margin-inline-start", "auto");
            header.add(edit);
        }
        return header;
    }

    private ApparatusDetails current() {
        return apparatus.details(apparatusId);
    }

    private void openForm(ApparatusDetails details) {
        new ApparatusForm(apparatus, linking, details, this::reload).open();
    }

    private static Div record(ApparatusDetails d) {
        Div record = new Div(new H3("Record"), ApparatusFacts.of(
                "Unit", d.getUnitName(),
                "Type", d.getType().label(),
                "Station", d.getStation(),
                "Status", statusText(d),
                "VIN", d.getVin(),
                "Make", d.getMake(),
                "Model", d.getModel(),
                "Year", d.getModelYear() == null ? null : String.valueOf(d.getModelYear()),
                "Plate", d.getPlate()));
        record.setId("apparatus-record");
        record.addClassName("apparatus-section");
        return record;
    }

    private static Div samsara(ApparatusDetails d, SyncedValues values, DisplayPreferences display, Instant now) {
        Div samsara = new Div(new H3("Samsara"), ApparatusFacts.of(
                "Samsara ID", d.getSamsaraVehicleId() == null ? "None" : d.getSamsaraVehicleId(),
                "Link", linkState(d),
                "Last synced", values.syncedAt() == null ? "Never"
                        : display.dateTime(values.syncedAt()) + " · " + TelemetryFormats.age(values.syncedAt(), now)));
        if (values.syncError() != null) {
            Paragraph error = new Paragraph("The last sync of this apparatus failed: " + values.syncError());
            error.setId("apparatus-sync-error");
            error.addClassName("reading-problem");
            samsara.add(error);
        }
        samsara.setId("apparatus-samsara");
        samsara.addClassName("apparatus-section");
        return samsara;
    }

    /** The link state in words: linked, not linked, or flagged and why. */
    static String linkState(ApparatusDetails d) {
        if (d.getSamsaraVehicleId() == null) {
            return "Not linked to Samsara: nothing syncs for it yet.";
        }
        return switch (d.getLinkFlag()) {
            case NONE -> "Linked: it syncs with every run.";
            case REVIEW_VIN_MISMATCH -> "Flagged for review: its VIN and the Samsara vehicle's VIN differ. Check "
                    + "both, then correct the VIN or the Samsara ID.";
            case REVIEW_ORGANISATION_CHANGED -> "Flagged for review: the department connected another Samsara "
                    + "organisation. Check that this Samsara ID belongs to it.";
            case SAMSARA_VEHICLE_GONE -> "Flagged: Samsara no longer has a vehicle with this ID, so nothing syncs "
                    + "for it. Find its Samsara ID again by VIN (Edit).";
        };
    }

    private static String statusText(ApparatusDetails d) {
        return d.getStatus().label() + (d.getStatus() == ApparatusStatus.OUT_OF_SERVICE && d.getStatusReason() != null
                ? ": " + d.getStatusReason() : "");
    }
}
