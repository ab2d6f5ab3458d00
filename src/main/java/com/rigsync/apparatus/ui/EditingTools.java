package com.rigsync.apparatus.ui;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.rigsync.apparatus.ApparatusCsvService;
import com.rigsync.apparatus.ApparatusDetails;
import com.rigsync.apparatus.ApparatusFilter;
import com.rigsync.apparatus.ApparatusRefusedException;
import com.rigsync.apparatus.ApparatusRow;
import com.rigsync.apparatus.ApparatusService;
import com.rigsync.apparatus.BulkEditReceipt;
import com.rigsync.apparatus.BulkEditService;
import com.rigsync.apparatus.SamsaraLinking;
import com.rigsync.base.ui.Confirmation;
import com.rigsync.base.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.springframework.data.domain.Sort;

/**
 * The tools beside the Apparatus heading: Add apparatus, Find Samsara IDs by VIN and Unlink from Samsara for the
 * grid's selection, Import CSV, and Export CSV of the grid as filtered and sorted. Empty until {@link #show()}, which
 * the view calls only for administrators and data managers; the services refuse everyone else anyway.
 */
class EditingTools extends HorizontalLayout {

    private final transient ApparatusService service;
    private final transient BulkEditService bulkEdits;
    private final transient SamsaraLinking linking;
    private final transient ApparatusCsvService csvFiles;
    private final transient Clock clock;
    private final Grid<ApparatusRow> grid;
    private final SerializableSupplier<ApparatusFilter> filter;
    private final SerializableSupplier<Sort> sort;
    private final Button unlink = new Button("Unlink from Samsara", VaadinIcon.UNLINK.create());
    private final Button undo = new Button("Undo bulk change", VaadinIcon.ARROW_BACKWARD.create());

    EditingTools(ApparatusService service, BulkEditService bulkEdits, SamsaraLinking linking, ApparatusCsvService csvFiles, Clock clock,
                 Grid<ApparatusRow> grid, SerializableSupplier<ApparatusFilter> filter,
                 SerializableSupplier<Sort> sort) {
        this.service = service;
        this.bulkEdits = bulkEdits;
        this.linking = linking;
        this.csvFiles = csvFiles;
        this.clock = clock;
        this.grid = grid;
        this.filter = filter;
        this.sort = sort;
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
    }

    /** Adds the tools, and makes the grid's rows selectable for them. */
    void show() {
        Button add = new Button("Add apparatus", VaadinIcon.PLUS.create(),
                e -> new ApparatusForm(service, linking, new ApparatusDetails(), this::refresh).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        unlink.addClickListener(e -> confirmUnlink());
        unlink.setEnabled(false);
        Button importCsv = new Button("Import CSV", VaadinIcon.UPLOAD.create(),
                e -> new CsvImportDialog(csvFiles, this::refresh).open());
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = csvFiles.exportCsv(filter.get(), sort.get());
            return new DownloadResponse(new ByteArrayInputStream(csv), exportFileName(), "text/csv;charset=UTF-8",
                    csv.length);
        }), "");
        export.add(new Button("Export CSV", VaadinIcon.DOWNLOAD.create()));
        export.getElement().setAttribute("download", true);
        Button findIds = new Button("Find Samsara IDs by VIN", VaadinIcon.SEARCH.create(), e -> findSamsaraIds());
        findIds.setTooltipText("For the selected apparatus, or for every unlinked apparatus when none is selected");
        Button editSelected = new Button("Edit selected", VaadinIcon.EDIT.create(), e -> editSelected());
        editSelected.setTooltipText("Set station, status, type, make, model or year on the selected apparatus, or "
                + "on all that match the filter");
        undo.addClickListener(e -> confirmUndo());
        undo.setVisible(lastBulkChange() != null);
        add(add, editSelected, undo, findIds, unlink, importCsv, export);

        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addSelectionListener(e -> unlink.setEnabled(!e.getAllSelectedItems().isEmpty()));
    }

    private void findSamsaraIds() {
        BulkMatchDialog dialog = new BulkMatchDialog(linking, () -> {
            grid.deselectAll();
            refresh();
        });
        dialog.load(grid.getSelectedItems().stream().map(ApparatusRow::getId).toList());
        dialog.open();
    }

    private void editSelected() {
        ApparatusFilter shown = filter.get();
        new BulkEditDialog(bulkEdits, List.copyOf(grid.getSelectedItems()), shown, service.count(shown),
                service.stations(), receipt -> {
                    // kept for this sign-in only: undo is for a slip noticed straight away
                    VaadinSession.getCurrent().setAttribute(BulkEditReceipt.class, receipt);
                    undo.setVisible(true);
                    grid.deselectAll();
                    refresh();
                }).open();
    }

    private static BulkEditReceipt lastBulkChange() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? null : session.getAttribute(BulkEditReceipt.class);
    }

    private void confirmUndo() {
        BulkEditReceipt receipt = lastBulkChange();
        if (receipt == null) {
            undo.setVisible(false);
            return;
        }
        Confirmation.ask("Undo your last bulk change?", "Put back the values the " + receipt.changed()
                + " apparatus had before your bulk change? If anyone has changed one of them since, nothing is "
                + "undone.", "Undo for " + receipt.changed() + " apparatus", () -> {
                    VaadinSession.getCurrent().setAttribute(BulkEditReceipt.class, null);
                    undo.setVisible(false);
                    try {
                        int done = bulkEdits.undo(receipt);
                        Notifications.success(done + " apparatus put back as they were.");
                    } catch (ApparatusRefusedException e) {
                        Notifications.error(e.getMessage());
                    }
                    refresh();
                });
    }

    private void confirmUnlink() {
        Set<ApparatusRow> selected = grid.getSelectedItems();
        List<Long> ids = new ArrayList<>(selected.stream().map(ApparatusRow::getId).toList());
        long linked = selected.stream().filter(r -> r.getSamsaraVehicleId() != null).count();
        if (linked == 0) {
            Notifications.error("None of the selected apparatus is linked to Samsara.");
            return;
        }
        Confirmation.ask("Unlink from Samsara?", "Remove the Samsara link from " + linked + " of the "
                        + selected.size() + " selected apparatus? Their synced values stop updating until they are "
                        + "linked again.", "Unlink " + linked + " apparatus", () -> {
                    int done = service.unlink(ids);
                    Notifications.success(done + " apparatus unlinked from Samsara.");
                    grid.deselectAll();
                    refresh();
                });
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private String exportFileName() {
        return "apparatus-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".csv";
    }
}
