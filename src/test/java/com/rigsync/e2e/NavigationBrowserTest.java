package com.rigsync.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** The side navigation, the Setup tabs and the breadcrumb in a real browser, clicked through as an administrator. */
class NavigationBrowserTest extends BrowserTest {

    @Test
    void setupOpensItsSettingsTabAndTheTabsLeadToTheOtherSetupScreens() {
        open("/");
        signIn("admin", "rigsync-demo");
        wait.until(d -> d.getPageSource().contains("Springfield Fire Rescue"));
        WebElement assets = driver.findElement(
                By.xpath("//vaadin-side-nav[*[@slot='label' and normalize-space()='Assets']]"));
        assertThat(assets.findElements(By.tagName("vaadin-side-nav-item"))).extracting(WebElement::getText)
                .containsExactly("Overview", "Apparatus", "Setup");
        assertThat(texts("#breadcrumbs li")).containsExactly("Assets", "Overview");

        sideNavItem("Setup").click();
        wait.until(ExpectedConditions.urlContains("/setup/settings"));
        wait.until(d -> texts("#breadcrumbs li").equals(List.of("Assets", "Setup", "Settings")));
        assertThat(texts("#screen-tabs vaadin-tab")).containsExactly("Settings", "Sync", "Drivers");
        assertThat(tab("Settings").getDomAttribute("selected")).isNotNull();

        tab("Sync").click();
        wait.until(ExpectedConditions.urlContains("/setup/sync"));
        wait.until(d -> texts("#breadcrumbs li").equals(List.of("Assets", "Setup", "Sync")));
        wait.until(d -> tab("Sync").getDomAttribute("selected") != null);
        assertThat(tab("Settings").getDomAttribute("selected")).isNull();
        assertThat(sideNavItem("Setup").getDomAttribute("current")).isNotNull();
        assertThat(sideNavItem("Overview").getDomAttribute("current")).isNull();
    }

    private List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private WebElement sideNavItem(String label) {
        return driver.findElement(By.xpath("//vaadin-side-nav-item[normalize-space()='" + label + "']"));
    }

    private WebElement tab(String label) {
        return driver.findElement(By.xpath("//*[@id='screen-tabs']/vaadin-tab[normalize-space()='" + label + "']"));
    }
}
