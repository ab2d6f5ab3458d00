package com.rigsync.e2e;

import java.time.Clock;
import java.util.List;

import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedSamsaraServer;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.integration.IntegrationTestAccess.TestDepartment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Setup > Drivers in a real browser: the list arrives by server push, and an issued login token's expiry counts down
 * by itself (the browser polls while the dialog is open); closing the dialog leaves neither token nor code on the page.
 */
@ExtendWith(OutputCaptureExtension.class)
class DriversBrowserTest extends BrowserTest {

    /** Real expiry times: the shared test simulator's clock stands in March 2026. */
    private static final SimulatedSamsaraServer samsara = SimulatedSamsaraServer.start(
            new SimulatedSamsara(Clock.systemUTC()));

    @Autowired
    private ApplicationContext context;
    private TestDepartment department;

    @AfterEach
    void removeTheDepartment() {
        if (department != null) {
            IntegrationTestAccess.removeDepartment(jdbc, department);
        }
    }

    @AfterAll
    static void stopSamsara() {
        samsara.close();
    }

    @Test
    void anAdministratorIssuesALoginTokenAndWatchesItsExpiryCountDown(CapturedOutput serverLog) {
        department = IntegrationTestAccess.departmentConnectedWith(context, jdbc,
                SimulatedSamsara.DRIVER_TOKENS_TOKEN, "test-drivers-browser", samsara.baseUrl());
        open("/setup/drivers");
        signIn(department.admin(), IntegrationTestAccess.PASSWORD);
        wait.until(d -> d.getPageSource().contains("Kenji Watanabe"));
        waitForVaadin();
        assertThat(driver.getPageSource()).contains("KWatanabe").contains("payrollId: SFR00103")
                .contains("7 of 9 drivers");

        script("arguments[0].click()", driver.findElements(
                By.xpath("//vaadin-button[normalize-space(.)='Issue login token']")).getFirst());
        wait.until(d -> d.getPageSource().contains("Issue a login token for Dwayne Brooks (DBrooks)?"));
        waitForVaadin();
        script("arguments[0].click()", driver.findElement(By.xpath(
                "//vaadin-button[normalize-space(.)='Issue login token' and contains(@theme, 'primary')]")));

        WebElement expiry = wait.until(d -> d.findElements(By.cssSelector("p.expiry")).stream()
                .filter(p -> p.getText().startsWith("Expires in 1")).findFirst().orElse(null));
        String first = expiry.getText();
        List<String> fields = fieldValues();
        String token = fields.get(0);
        String code = fields.get(1);
        assertThat(token).startsWith("sim-driver-");
        assertThat(code).hasSize(20);
        // no click, no key: the page asks the server every second while the dialog is open
        wait.until(d -> !d.findElement(By.cssSelector("p.expiry")).getText().equals(first));
        assertThat(driver.findElement(By.cssSelector("p.expiry")).getText()).startsWith("Expires in 1");

        script("arguments[0].click()", driver.findElement(By.xpath("//vaadin-button[normalize-space(.)='Close']")));
        wait.until(d -> d.findElements(By.cssSelector("p.expiry")).isEmpty());
        waitForVaadin();
        String html = (String) script("return document.documentElement.outerHTML");
        assertThat(html).contains("Kenji Watanabe").doesNotContain(token).doesNotContain(code);
        assertThat(fieldValues()).doesNotContain(token, code);
        assertThat(serverLog.getAll()).contains("Driver login token issued").doesNotContain(token)
                .doesNotContain(code);
    }

    /** The values of the page's text fields, token first and code second while the dialog is open. */
    @SuppressWarnings("unchecked")
    private List<String> fieldValues() {
        return (List<String>) script("return Array.from(document.querySelectorAll('vaadin-text-field'))"
                + ".filter(f => f.label === 'Login token' || f.label === 'Code')"
                + ".sort((a, b) => a.label === 'Login token' ? -1 : 1).map(f => f.value)");
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }
}
