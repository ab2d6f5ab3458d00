package com.rigsync.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's fault switches page, registered at start-up by the demo configuration, in a real browser. */
class SimulatedSamsaraBrowserTest extends BrowserTest {

    @Test
    void aDataManagerOpensTheFaultSwitchesPageAndMovesTheSimulatedClock() {
        open("/demo/simulated-samsara");
        signIn("manager", "rigsync-demo");

        wait.until(d -> d.getPageSource().contains("Simulated Samsara — demo only"));
        assertThat(driver.getTitle()).isEqualTo("Simulated Samsara");
        assertThat(driver.getPageSource()).contains("Springfield Fire Rescue (simulated)", "samsara-demo-global-read",
                "http://localhost:" + port + "/simulated-samsara");

        WebElement advance = driver.findElement(By.xpath("//vaadin-button[normalize-space()='Advance clock 1 hour']"));
        // the button sits below the fold of the headless window
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", advance);
        wait.until(ExpectedConditions.elementToBeClickable(advance)).click();
        wait.until(d -> d.getPageSource().contains("clock moved forward 1 hour"));
    }
}
