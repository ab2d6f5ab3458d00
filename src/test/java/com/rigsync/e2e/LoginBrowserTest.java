package com.rigsync.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs in through the real login page of the running demo, in headless Chromium. */
class LoginBrowserTest extends BrowserTest {

    @Test
    void clientSuccessSignsInAndReachesDepartments() {
        driver.get("http://localhost:" + port + "/departments");
        signIn("success", "rigsync-demo");

        wait.until(ExpectedConditions.urlContains("/departments"));
        // Other tests add departments that sort before the demo's, so only the first rows are sure to be rendered
        wait.until(d -> d.getPageSource().contains("Fire"));
        assertThat(driver.getPageSource()).contains("Create department");
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

}
