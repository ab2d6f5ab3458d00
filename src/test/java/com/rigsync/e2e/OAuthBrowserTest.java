package com.rigsync.e2e;

import java.util.List;

import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.integration.IntegrationTestAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Connect with Samsara" as a new user tries it: the Direct Install URL opened while signed out, the login page, back
 * to the install page, the demo's simulated Samsara authorize page (Allow, or Cancel), and back to RigSync.
 */
@ExtendWith(OutputCaptureExtension.class)
class OAuthBrowserTest extends BrowserTest {

    private String username;

    @Test
    void directInstallSignsInFirstThenAllowOnSamsaraConnectsAndLandsOnSettings(CapturedOutput serverLog) {
        startAtDirectInstall();

        click("Connect with Samsara");
        wait.until(ExpectedConditions.urlContains("/simulated-samsara/oauth2/authorize"));
        assertThat(driver.getPageSource()).contains("Connect RigSync to Springfield Fire Rescue (simulated)");
        driver.findElement(By.cssSelector("button[value='allow']")).click();

        wait.until(ExpectedConditions.urlContains("/setup/settings"));
        wait.until(d -> d.getPageSource().contains("Connected with Samsara to Springfield Fire Rescue (simulated)"));
        assertThat(driver.getPageSource()).contains("Granted scope: admin:read", "Disconnect");

        String access = stored("secret_ciphertext");
        String refresh = stored("refresh_ciphertext");
        assertThat(access).startsWith("v2:");
        assertThat(refresh).startsWith("v2:");
        String html = (String) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.outerHTML");
        for (String text : List.of(html, serverLog.getAll())) {
            assertThat(text).doesNotContain("sim-oauth-at-").doesNotContain("sim-oauth-rt-")
                    .doesNotContain(SimulatedSamsara.OAUTH_CLIENT_SECRET);
        }
    }

    @Test
    void cancelOnSamsaraShowsSamsarasReasonAndConnectsNothing() {
        startAtDirectInstall();

        click("Connect with Samsara");
        wait.until(ExpectedConditions.urlContains("/simulated-samsara/oauth2/authorize"));
        driver.findElement(By.cssSelector("button[value='cancel']")).click();

        wait.until(ExpectedConditions.urlContains("/samsara/oauth/callback"));
        wait.until(d -> d.getPageSource().contains("Samsara did not connect RigSync: The resource owner did not grant "
                + "the requested scope."));
        assertThat(stored("auth_kind")).isNull();
    }

    /** Opens the Direct Install URL signed out: the login page first, then back to the install page. */
    private void startAtDirectInstall() {
        username = newDepartmentAdmin();
        open("/samsara/install");
        signIn(username, IntegrationTestAccess.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/samsara/install"));
        wait.until(d -> d.getPageSource().contains("Current Samsara connection: none"));
        assertThat(driver.getPageSource()).contains("Department: Settings Test Fire");
        waitForVaadin();
    }

    private void click(String text) {
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-button[normalize-space()='" + text + "']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    private String stored(String column) {
        return jdbc.queryForObject("select c." + column + " from samsara_connection c join app_user u "
                + "on u.department_id = c.department_id where u.username = ?", String.class, username);
    }
}
