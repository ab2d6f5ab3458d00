package com.rigsync.e2e;

import com.rigsync.SpringAppTest;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The apparatus grid in a real browser: it loads the demo's apparatus lazily, with each role's tools. */
@SpringAppTest
class ApparatusBrowserTest {


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
    void anAdministratorSeesTheGridWithEditingTools() {
        open("admin");
        wait.until(d -> d.getPageSource().contains("4P18T5UW1K1165940"));
        assertThat(driver.getPageSource()).contains("Engine 1").contains("Add apparatus").contains("Import CSV")
                .contains("Export CSV");
        assertThat(driver.findElements(By.tagName("vaadin-side-nav-item"))).extracting(WebElement::getText)
                .contains("Apparatus");
    }

    @Test
    void aMemberSeesTheGridWithoutEditingTools() {
        open("member");
        wait.until(d -> d.getPageSource().contains("4P18T5UW1K1165940"));
        assertThat(driver.getPageSource()).contains("Engine 1").doesNotContain("Add apparatus")
                .doesNotContain("Import CSV");
    }

    private void open(String username) {
        driver.get("http://localhost:" + port + "/");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys("rigsync-demo", Keys.ENTER);
        wait.until(d -> d.getPageSource().contains("Springfield Fire Rescue"));
        // a full page load of the address, as a bookmark or a reload does
        driver.get("http://localhost:" + port + "/apparatus");
    }
}
