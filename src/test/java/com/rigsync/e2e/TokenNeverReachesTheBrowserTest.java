package com.rigsync.e2e;

import com.rigsync.SpringAppTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.rigsync.integration.IntegrationTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saves a Samsara token through the real page, then proves the token string appears nowhere in what the server sent
 * to the browser (every HTTP response body and every WebSocket push frame, from Chrome's performance log), nor in
 * the page, nor in the server's log.
 */
@SpringAppTest
@ExtendWith(OutputCaptureExtension.class)
class TokenNeverReachesTheBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApplicationContext context;

    private ChromeDriver driver;
    private WebDriverWait wait;

    private String username;

    @BeforeEach
    void openBrowser() throws Exception {
        driver = Browser.start(options -> options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL")));
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (username != null) {
            IntegrationTestAccess.removeDepartmentOf(jdbc, username);
        }
    }

    @Test
    void aSavedTokenIsNeverSentToTheBrowser(CapturedOutput serverLog) {
        // a token unique to this run, accepted by the loopback fake Samsara
        String token = "browser-test-token-" + UUID.randomUUID();
        username = IntegrationTestAccess.departmentReadyToConnect(context, jdbc);

        driver.get("http://localhost:" + port + "/setup/settings");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(IntegrationTestAccess.PASSWORD, Keys.ENTER);
        // the login page sends the user back to the settings they asked for

        WebElement field;
        try {
            field = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-password-field input")));
        } catch (RuntimeException e) {
            throw new AssertionError("no token field at " + driver.getCurrentUrl() + ":\n" + driver.getPageSource(), e);
        }
        field.sendKeys(token, Keys.TAB);
        waitForVaadin();
        click("Save");
        wait.until(d -> d.getPageSource().contains("Token saved, ending in …" + token.substring(token.length() - 4)));

        // afterwards: the page is opened again and the saved token is tested
        driver.navigate().refresh();
        wait.until(d -> d.getPageSource().contains("Token saved, ending in"));
        waitForVaadin();
        click("Test connection");
        wait.until(d -> d.getPageSource().contains("The connection works."));
        waitForVaadin();

        Received received = receivedByTheBrowser();
        assertThat(received.responseBodies()).as("HTTP response bodies read").isGreaterThan(3);
        assertThat(received.frames()).as("push frames read").isPositive();
        assertThat(received.sent()).as("the typed token went up, so the log would show it").contains(token);
        assertThat(received.text()).contains("Token saved, ending in").doesNotContain(token);
        String html = (String) ((JavascriptExecutor) driver).executeScript("return document.documentElement.outerHTML");
        assertThat(html).contains("Token saved, ending in").doesNotContain(token);
        assertThat(driver.getPageSource()).doesNotContain(token);
        assertThat(IntegrationTestAccess.storedSecret(jdbc, username)).doesNotContain(token);
        assertThat(serverLog.getAll()).doesNotContain(token);
    }

    /** What the browser received, and (as a check that the log sees the token at all) what it sent. */
    private record Received(String text, int responseBodies, int frames, String sent) {
    }

    /** Every WebSocket frame and HTTP response body the browser received, from Chrome's performance log. */
    private Received receivedByTheBrowser() {
        StringBuilder all = new StringBuilder();
        StringBuilder sent = new StringBuilder();
        List<String> responseIds = new ArrayList<>();
        int frames = 0;
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            String method = message.path("method").asString("");
            JsonNode params = message.path("params");
            if (method.equals("Network.webSocketFrameReceived")) {
                all.append(params.path("response").path("payloadData").asString("")).append('\n');
                frames++;
            } else if (method.equals("Network.webSocketFrameSent")) {
                sent.append(params.path("response").path("payloadData").asString("")).append('\n');
            } else if (method.equals("Network.requestWillBeSent")) {
                sent.append(params.path("request").path("postData").asString("")).append('\n');
            } else if (method.equals("Network.responseReceived")) {
                responseIds.add(params.path("requestId").asString());
            }
        }
        int bodies = 0;
        Set<String> seen = new HashSet<>();
        for (String id : responseIds) {
            if (!seen.add(id)) {
                continue;
            }
            try {
                Map<String, Object> body = driver.executeCdpCommand("Network.getResponseBody", Map.of("requestId", id));
                all.append(body.get("body")).append('\n');
                bodies++;
            } catch (RuntimeException e) {
                // redirects and evicted bodies have none to give
            }
        }
        return new Received(all.toString(), bodies, frames, sent.toString());
    }

    /** Clicks a button by its text through the page's own script (a notification may lie over it). */
    private void click(String buttonText) {
        WebElement button = driver.findElement(By.xpath("//vaadin-button[normalize-space(.)='" + buttonText + "']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", button);
    }

    private void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).length > 0"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive()))")));
    }
}
