package com.rigsync.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** The apparatus grid in a real browser: it loads the demo's apparatus lazily, with each role's tools. */
class ApparatusBrowserTest extends BrowserTest {

    @Test
    void anAdministratorSeesTheGridWithEditingTools() {
        openApparatusAs("admin");
        wait.until(d -> d.getPageSource().contains("4P18T5UW1K1165940"));
        assertThat(driver.getPageSource()).contains("Engine 1").contains("Add apparatus").contains("Import CSV")
                .contains("Export CSV");
        assertThat(driver.findElements(By.tagName("vaadin-side-nav-item"))).extracting(WebElement::getText)
                .contains("Apparatus");
    }

    @Test
    void aMemberSeesTheGridWithoutEditingTools() {
        openApparatusAs("member");
        wait.until(d -> d.getPageSource().contains("4P18T5UW1K1165940"));
        assertThat(driver.getPageSource()).contains("Engine 1").doesNotContain("Add apparatus")
                .doesNotContain("Import CSV");
    }

    private void openApparatusAs(String username) {
        open("/");
        signIn(username, "rigsync-demo");
        wait.until(d -> d.getPageSource().contains("Springfield Fire Rescue"));
        // a full page load of the address, as a bookmark or a reload does
        open("/apparatus");
    }
}
