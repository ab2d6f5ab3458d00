package com.rigsync.apparatus.ui;

import java.util.Optional;

import com.rigsync.apparatus.ApparatusDetails;
import com.rigsync.apparatus.ApparatusRefusedException;
import com.rigsync.apparatus.ChangedMeanwhileException;
import com.rigsync.apparatus.LinkFlag;
import com.rigsync.apparatus.LinkReview;
import com.rigsync.base.ui.Confirmation;
import com.rigsync.base.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * On the apparatus page, for editors, under a flagged Samsara link: Confirm link (after the organisation changed),
 * Use Samsara's VIN (a near miss), and Unlink. Each reloads the page, whatever the server answered.
 */
class LinkReviewActions extends HorizontalLayout {

    private final transient LinkReview review;
    private final transient Runnable reload;

    LinkReviewActions(LinkReview review, ApparatusDetails d, Runnable reload) {
        this.review = review;
        this.reload = reload;
        addClassName("link-review");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        if (d.getSamsaraVehicleId() == null || d.getLinkFlag() == LinkFlag.NONE) {
            setVisible(false);
            return;
        }
        if (d.getLinkFlag() == LinkFlag.REVIEW_ORGANISATION_CHANGED) {
            Button confirm = new Button("Confirm link", e -> act(() -> {
                review.confirm(d.getId(), d.getVersion());
                Notifications.success(d.getUnitName() + "'s link to Samsara vehicle " + d.getSamsaraVehicleId()
                        + " is confirmed.");
            }));
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            confirm.setTooltipText("Samsara vehicle " + d.getSamsaraVehicleId() + " is this apparatus in the "
                    + "organisation now connected");
            add(confirm);
        }
        if (d.getLinkFlag() == LinkFlag.REVIEW_VIN_MISMATCH) {
            Optional<String> samsaraVin = review.samsaraVin(d.getId());
            samsaraVin.ifPresent(vin -> {
                Button take = new Button("Use Samsara's VIN " + vin, e -> act(() -> {
                    review.takeSamsaraVin(d.getId(), d.getVersion());
                    Notifications.success(d.getUnitName() + "'s VIN is now " + vin + " (was "
                            + (d.getVin() == null ? "empty" : d.getVin()) + ").");
                }));
                take.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                take.setTooltipText("Replaces the VIN typed here; the audit log keeps the old one");
                add(take);
            });
        }
        Button unlink = new Button("Unlink", e -> Confirmation.ask("Unlink " + d.getUnitName() + "?",
                "Remove the link to Samsara vehicle " + d.getSamsaraVehicleId() + "? Its synced values stop "
                        + "updating until it is linked again.", "Unlink " + d.getUnitName(), () -> act(() -> {
                            review.unlink(d.getId(), d.getVersion());
                            Notifications.success(d.getUnitName() + " unlinked from Samsara.");
                        })));
        unlink.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        add(unlink);
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (ChangedMeanwhileException | ApparatusRefusedException e) {
            Notifications.error(e.getMessage());
        }
        reload.run();
    }
}
