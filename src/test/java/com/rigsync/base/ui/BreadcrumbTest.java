package com.rigsync.base.ui;

import java.util.Optional;

import com.rigsync.KaribuTest;
import com.rigsync.apparatus.ui.ApparatusView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.menu.MenuConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Breadcrumbs of screens the menu does not list (the menu's own screens: security/NavigationTest). */
class BreadcrumbTest extends KaribuTest {

    /** Stands for a screen the menu does not list, such as one apparatus' page. */
    private static final class PageOfOne extends Div {
    }

    @Test
    void aScreenUnderAMenuScreensAddressHangsBelowIt() {
        signIn("member");
        Navigation navigation = new Navigation(MenuConfiguration.getMenuEntries());

        assertThat(navigation.breadcrumb(PageOfOne.class, "apparatus/42", Optional.of("Engine 1")))
                .containsExactly(
                        new Navigation.Crumb("Assets", Optional.empty(), false),
                        new Navigation.Crumb("Apparatus", Optional.of(ApparatusView.class), false),
                        new Navigation.Crumb("Engine 1", Optional.empty(), true));
        assertThat(navigation.tabsBeside(PageOfOne.class)).isEmpty();
    }

    @Test
    void aScreenUnderNoMenuScreenShowsItsNameAlone() {
        signIn("member");
        Navigation navigation = new Navigation(MenuConfiguration.getMenuEntries());

        assertThat(navigation.breadcrumb(PageOfOne.class, "somewhere/else", Optional.of("Somewhere")))
                .containsExactly(new Navigation.Crumb("Somewhere", Optional.empty(), true));
        assertThat(navigation.breadcrumb(PageOfOne.class, "somewhere/else", Optional.empty())).isEmpty();
    }
}
