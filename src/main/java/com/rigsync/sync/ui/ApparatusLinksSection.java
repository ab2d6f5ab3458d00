package com.rigsync.sync.ui;

import java.util.List;
import java.util.Map;

import com.rigsync.apparatus.ApparatusLinks;
import com.rigsync.apparatus.LinkFlag;
import com.rigsync.apparatus.ui.ApparatusPageView;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import static com.rigsync.sync.ui.PanelParts.paragraph;

/** The panel's "Apparatus and Samsara vehicles": what is linked and synced, and what still needs a person. */
final class ApparatusLinksSection extends VerticalLayout {

    /** How many apparatus or vehicles a list names before it says "and N more". */
    static final int LISTED = 50;

    ApparatusLinksSection(ApparatusLinks links) {
        setPadding(false);
        setSpacing(false);
        add(new H3("Apparatus and Samsara vehicles"));
        add(paragraph("sync-linked", links.linked() + " of " + links.apparatus()
                + " apparatus linked to Samsara, " + links.synced() + " of them synced"));
        withoutSamsaraId(links.withoutSamsaraId());

        List<String> vehicles = links.vehiclesWithoutApparatus();
        add(paragraph("sync-vehicles-unlinked", vehicles.isEmpty()
                ? "Every Samsara vehicle RigSync knows of is linked to an apparatus."
                : vehicles.size() + " Samsara " + (vehicles.size() == 1 ? "vehicle" : "vehicles")
                + " linked to no apparatus: " + String.join(", ", vehicles.stream().limit(LISTED).toList())
                + (vehicles.size() > LISTED ? " and " + (vehicles.size() - LISTED) + " more" : "")));

        Map<LinkFlag, List<ApparatusLinks.FlaggedApparatus>> flagged = links.flaggedLinks();
        add(paragraph("sync-flagged-links", flagged.isEmpty() ? "No links are flagged for review."
                : links.flaggedLinkCount() + " flagged " + (links.flaggedLinkCount() == 1 ? "link" : "links")
                + " to review on the Apparatus screen:"));
        if (!flagged.isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.setId("sync-flagged-links-list");
            // each apparatus links to its page, where an editor confirms, corrects or removes the link
            flagged.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                ListItem item = new ListItem(new Text(e.getKey().label() + ": " + e.getValue().size() + " ("));
                for (int i = 0; i < e.getValue().size(); i++) {
                    ApparatusLinks.FlaggedApparatus apparatus = e.getValue().get(i);
                    item.add(new Text(i == 0 ? "" : ", "), ApparatusPageView.link(apparatus.unitName(),
                            apparatus.id()));
                }
                item.add(new Text(")"));
                list.add(item);
            });
            add(list);
        }
    }

    /** Each apparatus without a Samsara ID links to its page, whose edit form's magnifier finds the ID by VIN. */
    private void withoutSamsaraId(List<ApparatusLinks.UnlinkedApparatus> unlinked) {
        add(paragraph("sync-without-id", unlinked.isEmpty()
                ? "Every apparatus has a Samsara ID."
                : unlinked.size() + " apparatus without a Samsara ID. Every apparatus needs one "
                + "to stay current; open each and choose Edit to find its Samsara ID by VIN:"));
        if (unlinked.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId("sync-without-id-list");
        for (ApparatusLinks.UnlinkedApparatus apparatus : unlinked.stream().limit(LISTED).toList()) {
            list.add(new ListItem(ApparatusPageView.link(apparatus.unitName(), apparatus.id())));
        }
        add(list);
        if (unlinked.size() > LISTED) {
            add(paragraph("sync-without-id-more", "…and " + (unlinked.size() - LISTED)
                    + " more: tick \"Not linked to Samsara\" on the Apparatus screen to see them all."));
        }
    }
}
