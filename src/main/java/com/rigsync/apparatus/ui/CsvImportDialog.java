package com.rigsync.apparatus.ui;

import com.rigsync.apparatus.ApparatusCsvService;
import com.rigsync.apparatus.ApparatusRefusedException;
import com.rigsync.apparatus.ImportOutcome;
import com.rigsync.apparatus.ImportPreview;
import com.rigsync.apparatus.ImportRow;
import com.rigsync.base.ui.LimitedUpload;
import com.rigsync.base.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;

/**
 * CSV import: upload, a preview of every row's outcome, then Import applies all rows or none. The file stays in this
 * dialog's memory only (at most 5 MB); the server reads it again when importing.
 */
class CsvImportDialog extends Dialog {

    private static final int MAX_BYTES = ApparatusCsvService.MAX_IMPORT_BYTES;
    private static final String LIMITS = "a CSV file of at most 5 MB and 10,000 rows";

    private final transient ApparatusCsvService csv;
    private final transient Runnable onImported;
    private final Div message = new Div();
    private final Grid<ImportRow> preview = new Grid<>();
    private final Button importButton = new Button("Import");
    private byte[] file;
    private String fileName;

    CsvImportDialog(ApparatusCsvService csv, Runnable onImported) {
        this.csv = csv;
        this.onImported = onImported;
        setHeaderTitle("Import apparatus from CSV");
        setWidth("min(60rem, 100%)");

        // limited on the server: a larger body is refused unread, whoever posts it to the upload address; lines are
        // allowed twice the rows for quoted line breaks, the parser counts rows exactly
        Upload upload = new Upload(new LimitedUpload(MAX_BYTES, 2 * ApparatusCsvService.MAX_IMPORT_ROWS + 1, LIMITS,
                this::show, this::showRefusal));
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.addFileRejectedListener(e -> showRefusal(e.getErrorMessage()
                + ": the file must be " + LIMITS + "."));
        message.addClassName("import-message");

        preview.addColumn(ImportRow::line).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
        preview.addColumn(ImportRow::unitName).setHeader("Unit").setAutoWidth(true);
        preview.addColumn(r -> r.outcome().label()).setHeader("Outcome").setAutoWidth(true);
        preview.addColumn(ImportRow::detail).setHeader("Detail").setFlexGrow(2);
        preview.setPartNameGenerator(r -> r.outcome() == ImportOutcome.ERROR ? "import-error" : null);
        preview.setHeight("20rem");
        preview.setVisible(false);

        add(new Paragraph("Use a file exported from this grid (UTF-8 CSV). A row with a RigSync id updates that "
                + "apparatus; otherwise a row updates the apparatus with the same unit name, or adds a new one. "
                + "Unit, Type and Status columns are required; columns left out keep their values."),
                upload, message, preview);

        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(e -> apply());
        getFooter().add(new Button("Cancel", e -> close()), importButton);
    }

    /** The uploaded file's preview (also the entry point for tests). */
    void show(String name, byte[] bytes) {
        file = null;
        importButton.setEnabled(false);
        try {
            ImportPreview result = csv.previewImport(bytes);
            preview.setItems(result.rows());
            preview.setVisible(true);
            if (result.canApply()) {
                file = bytes;
                fileName = name;
                message.setText(name + ": " + result.summary() + ". Import applies all of them.");
                importButton.setText("Import " + (result.count(ImportOutcome.NEW) + result.count(ImportOutcome.UPDATE))
                        + " rows");
                importButton.setEnabled(true);
            } else if (result.count(ImportOutcome.ERROR) > 0) {
                message.setText(name + ": " + result.summary() + ". Nothing can be imported until every row is "
                        + "right: correct the rows with errors in the file and upload it again.");
            } else {
                message.setText(name + ": " + result.summary() + ". Nothing to import.");
            }
        } catch (ApparatusRefusedException e) {
            showRefusal(name + " was refused: " + e.getMessage());
        }
    }

    private void showRefusal(String text) {
        file = null;
        importButton.setEnabled(false);
        preview.setVisible(false);
        message.setText(text);
    }

    private void apply() {
        try {
            ImportPreview done = csv.applyImport(file, fileName);
            Notifications.success("Imported " + fileName + ": " + done.summary() + ".");
            close();
            onImported.run();
        } catch (ApparatusRefusedException e) {
            message.setText(e.getMessage());
            importButton.setEnabled(false);
        }
    }
}
