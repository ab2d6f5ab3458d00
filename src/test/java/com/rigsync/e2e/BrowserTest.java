package com.rigsync.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.rigsync.SpringAppTest;
import com.rigsync.integration.IntegrationTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A test in headless Chromium against the running demo app (the suite's one Spring context, on a random port). */
@SpringAppTest
abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected ChromeDriver driver;
    protected WebDriverWait wait;

    private final List<String> departmentsToRemove = new ArrayList<>();

    @BeforeEach
    void openBrowser() throws Exception {
        driver = Browser.start(this::configure);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
        departmentsToRemove.forEach(username -> IntegrationTestAccess.removeDepartmentOf(jdbc, username));
    }

    /** A new entitled department ready to connect to the simulated Samsara, removed after the test; its admin. */
    protected String newDepartmentAdmin() {
        String admin = IntegrationTestAccess.departmentReadyForOAuth(jdbc);
        departmentsToRemove.add(admin);
        return admin;
    }

    /** Extra Chromium options for one test class. */
    protected void configure(ChromeOptions options) {
    }

    protected void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Fills the real login form that the current page shows (any protected address shows it first). */
    protected void signIn(String username, String password) {
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);
    }

    /** Waits until the page's Vaadin client has no request in flight. */
    protected void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).length > 0"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive()))")));
    }
}
