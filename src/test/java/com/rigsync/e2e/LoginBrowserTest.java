package com.rigsync.e2e;

import com.rigsync.SpringAppTest;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs in through the real login page of the running demo, in headless Chromium. */
@SpringAppTest
class LoginBrowserTest {


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
    void clientSuccessSignsInAndReachesDepartments() {
        driver.get("http://localhost:" + port + "/departments");
        signIn("success", "rigsync-demo");

        wait.until(ExpectedConditions.urlContains("/departments"));
        wait.until(d -> d.getPageSource().contains("Shelbyville Fire Department"));
        assertThat(driver.getPageSource()).contains("Springfield Fire Rescue").contains("Create department");
        assertThat(driver.findElements(By.tagName("vaadin-side-nav-item")))
                .extracting(WebElement::getText).containsExactly("Departments", "Users");
    }

    @Test
    void aWrongPasswordKeepsTheVisitorOnTheLoginPage() {
        driver.get("http://localhost:" + port + "/");
        signIn("success", "not-the-password");

        wait.until(ExpectedConditions.urlContains("/login?error"));
        waitForVaadin();
        WebElement form = driver.findElement(By.tagName("vaadin-login-form"));
        wait.until(d -> Boolean.TRUE.equals(form.getDomProperty("error") == null ? null
                : Boolean.valueOf(form.getDomProperty("error"))));
        assertThat(driver.getPageSource()).doesNotContain("Create department");
    }

    @Test
    void aMemberTypingTheDepartmentsAddressIsRefused() {
        driver.get("http://localhost:" + port + "/");
        signIn("member", "rigsync-demo");
        wait.until(d -> d.getPageSource().contains("Springfield Fire Rescue"));

        driver.get("http://localhost:" + port + "/departments");
        waitForVaadin();
        assertThat(driver.getPageSource()).doesNotContain("Create department").doesNotContain("Shelbyville");
    }

    private void signIn(String username, String password) {
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        user.sendKeys(username);
        WebElement secret = driver.findElement(By.cssSelector("input[name='password']"));
        secret.sendKeys(password, Keys.ENTER);
    }

    /** Waits until the page's Vaadin client has no request in flight. */
    private void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).length > 0"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive()))")));
    }
}
