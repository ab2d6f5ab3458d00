package com.rigsync.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apparatus grid in a real browser: it loads the demo's apparatus lazily, with each role's tools, and its filter
 * lives in the address (a full page load of a filtered address, the Show filter writing it, the back button).
 */
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

    @Test
    void aFilteredGridHasAnAddressToBookmarkShareAndGoBackTo() {
        openApparatusAs("member");
        wait.until(d -> d.getPageSource().contains("4P18T5UW1K1165940"));
        assertThat(driver.getPageSource()).contains("Last reading").contains("Columns");

        // a bookmark, a shared link or an Overview figure: a full page load of the filtered address
        open("/apparatus?type=TANKER");
        wait.until(d -> d.getPageSource().contains("Tanker 4") && !d.getPageSource().contains("4P18T5UW1K1165940"));
        waitForVaadin();

        script("const select = document.querySelector('vaadin-select'); select.opened = true;");
        WebElement lowFuel = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.getText().strip().equals("Low fuel")).findFirst().orElse(null));
        script("arguments[0].click()", lowFuel);
        wait.until(d -> d.getCurrentUrl().contains("show=low-fuel"));
        assertThat(driver.getCurrentUrl()).contains("type=TANKER");
        waitForVaadin();

        driver.navigate().back();
        wait.until(d -> !d.getCurrentUrl().contains("show="));
        wait.until(d -> d.getPageSource().contains("Tanker 4"));
        assertThat(driver.getCurrentUrl()).endsWith("/apparatus?type=TANKER");
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    private void openApparatusAs(String username) {
        open("/");
        signIn(username, "rigsync-demo");
        wait.until(d -> d.getPageSource().contains("Springfield Fire Rescue"));
        // a full page load of the address, as a bookmark or a reload does
        open("/apparatus");
    }
}
