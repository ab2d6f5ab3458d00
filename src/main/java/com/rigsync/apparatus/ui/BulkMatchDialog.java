package com.rigsync.apparatus.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rigsync.apparatus.ApparatusRefusedException;
import com.rigsync.apparatus.BulkMatchPreview;
import com.rigsync.apparatus.SamsaraLinking;
import com.rigsync.base.ui.BackgroundAnswer;
import com.rigsync.base.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/**
 * "Find Samsara IDs by VIN": a preview of exact matches (accepted unless the person clears them), near misses (the
 * person may pick one), no matches and conflicts; Link applies only the accepted rows, all or none.
 */
class BulkMatchDialog extends Dialog {

    private final transient SamsaraLinking linking;
    private final transient Runnable onApplied;
    private final Div message = new Div();
    private final Grid<BulkMatchPreview.Row> rows = new Grid<>();
    private final Button apply = new Button("Link");
    /** The vehicle accepted per apparatus id (kept here: the grid re-creates its combo boxes when it redraws). */
    private final Map<Long, BulkMatchPreview.Candidate> accepted = new HashMap<>();
    private final BackgroundAnswer answer;
    private final AskingSamsara asking = new AskingSamsara(this::cancelWaiting);

    BulkMatchDialog(SamsaraLinking linking, Runnable onApplied) {
        this.linking = linking;
        this.onApplied = onApplied;
        setHeaderTitle("Find Samsara IDs by VIN");
        setWidth("min(72rem, 100%)");
        message.addClassName("bulk-match-message");

        rows.addColumn(BulkMatchPreview.Row::unitName).setHeader("Unit").setKey("bulkUnit").setAutoWidth(true);
        rows.addColumn(BulkMatchPreview.Row::vin).setHeader("VIN").setKey("vin").setAutoWidth(true);
        rows.addColumn(r -> r.kind().label()).setHeader("Result").setKey("result").setAutoWidth(true);
        rows.addColumn(new ComponentRenderer<>(this::choice)).setHeader("Link to Samsara vehicle").setKey("link")
                .setFlexGrow(2);
        rows.addColumn(BulkMatchPreview.Row::note).setHeader("Note").setKey("note").setFlexGrow(2);
        rows.setHeight("24rem");

        add(new Paragraph("RigSync compares each apparatus' VIN with your Samsara vehicles. Exact matches are "
                + "ticked for linking; near misses are offered, never linked unless you pick one. Nothing changes "
                + "until you press Link."), asking, message, rows);
        answer = new BackgroundAnswer(this, "Asking Samsara", working -> {
            if (!working) {
                asking.hide();
            }
        }, message::setText);
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> apply());
        getFooter().add(new Button("Cancel", e -> close()), apply);
    }

    /**
     * Computes the preview for the chosen apparatus (empty: every unlinked one) in the background: a stale vehicle
     * list is read from Samsara first, which can take a while when Samsara is slow.
     */
    void load(Collection<Long> chosen) {
        rows.setItems(List.of());
        accepted.clear();
        updateApply();
        message.setText("");
        asking.show("Reading your vehicles from Samsara and comparing VINs…");
        answer.await(linking.previewBulkMatchInBackground(chosen), this::show);
    }

    private void cancelWaiting() {
        answer.cancel();
        message.setText("Cancelled: nothing was looked up or linked. Close, or start again with Find Samsara IDs "
                + "by VIN.");
    }

    private void show(BulkMatchPreview preview) {
        accepted.clear();
        for (BulkMatchPreview.Row row : preview.rows()) {
            if (row.kind() == BulkMatchPreview.Kind.EXACT) {
                accepted.put(row.apparatusId(), row.candidates().getFirst());
            }
        }
        rows.setItems(preview.rows());
        List<String> summary = new ArrayList<>();
        for (BulkMatchPreview.Kind kind : BulkMatchPreview.Kind.values()) {
            long count = preview.count(kind);
            if (count > 0) {
                summary.add(count + " " + kind.label().toLowerCase());
            }
        }
        StringBuilder text = new StringBuilder(preview.rows().isEmpty() ? "No unlinked apparatus to look for."
                : preview.rows().size() + " apparatus: " + String.join(", ", summary) + ".");
        if (preview.alreadyLinked() > 0) {
            text.append(' ').append(preview.alreadyLinked()).append(" chosen apparatus are linked already and left "
                    + "as they are.");
        }
        if (preview.notice() != null) {
            text.append(' ').append(preview.notice());
        }
        message.setText(text.toString());
        updateApply();
    }

    private ComboBox<BulkMatchPreview.Candidate> choice(BulkMatchPreview.Row row) {
        ComboBox<BulkMatchPreview.Candidate> box = new ComboBox<>();
        box.setWidthFull();
        box.setItems(row.candidates());
        box.setItemLabelGenerator(c -> c.vehicle().describe() + (c.reason().equals("same VIN") ? ""
                : " — " + c.reason()));
        box.setValue(accepted.get(row.apparatusId()));
        box.setClearButtonVisible(true);
        box.setPlaceholder(row.kind() == BulkMatchPreview.Kind.NEAR_MISS ? "Pick only if it is this apparatus"
                : null);
        box.setEnabled(row.applicable());
        box.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                accepted.remove(row.apparatusId());
            } else {
                accepted.put(row.apparatusId(), e.getValue());
            }
            updateApply();
        });
        return box;
    }

    private void updateApply() {
        apply.setText(accepted.isEmpty() ? "Link" : "Link " + accepted.size() + " apparatus");
        apply.setEnabled(!accepted.isEmpty());
    }

    private void apply() {
        List<BulkMatchPreview.Accepted> chosen = accepted.entrySet().stream()
                .map(e -> new BulkMatchPreview.Accepted(e.getKey(), e.getValue().vehicle().samsaraId())).toList();
        try {
            int linked = linking.applyBulkMatch(chosen);
            Notifications.success(linked + " apparatus linked to Samsara.");
            close();
            onApplied.run();
        } catch (ApparatusRefusedException e) {
            message.setText(e.getMessage());
            apply.setEnabled(false);
        }
    }
}
