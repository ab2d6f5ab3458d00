package com.rigsync.e2e;

import com.rigsync.SpringAppTest;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's fault switches page, registered at start-up by the demo configuration, in a real browser. */
@SpringAppTest
class SimulatedSamsaraBrowserTest {

    @LocalServerPort
    private int port;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aSignedInMemberOpensTheFaultSwitchesPageAndMovesTheSimulatedClock() {
        driver.get("http://localhost:" + port + "/demo/simulated-samsara");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        user.sendKeys("member");
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys("rigsync-demo", Keys.ENTER);

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
