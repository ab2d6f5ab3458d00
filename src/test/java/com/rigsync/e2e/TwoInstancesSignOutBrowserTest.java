package com.rigsync.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.rigsync.SpringAppTest;
import com.rigsync.people.AccountSeeding;
import com.rigsync.people.PeopleService;
import com.rigsync.people.Person;
import com.rigsync.security.Role;
import com.rigsync.testing.SignIn;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances as separate processes on one database: this test's own app (instance A) and a second JVM
 * started here (instance B). A person signed in on B is demoted, then disabled, on A: their next click on B's open
 * view answers with sign-in, and their new sign-in carries only the new rights.
 */
@SpringAppTest
class TwoInstancesSignOutBrowserTest extends BrowserTest {

    private static final String CHOSEN = "a long and private passphrase";

    @Autowired
    private DataSource dataSource;
    @Autowired
    private AccountSeeding seeding;
    @Autowired
    private PeopleService people;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private Process second;
    private int secondPort;

    @BeforeEach
    void startSecondInstance() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            secondPort = socket.getLocalPort();
        }
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        Path log = Path.of("target", "second-instance.log");
        second = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "com.rigsync.Application",
                "--server.port=" + secondPort, "--spring.profiles.active=demo,test",
                "--spring.datasource.url=" + url, "--spring.datasource.username=root",
                "--spring.datasource.password=", "--db-scheduler.scheduler-name=second-process",
                "--rigsync.public-base-url=http://localhost:" + secondPort))
                .redirectErrorStream(true).redirectOutput(log.toFile()).directory(new File(".")).start();
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (true) {
            assertThat(second.isAlive()).as("the second instance runs (see %s)", log).isTrue();
            assertThat(Instant.now()).as("the second instance answers in time (see %s)", log).isBefore(deadline);
            try {
                int status = client.send(HttpRequest.newBuilder(URI.create(secondUrl("/login")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
    }

    @AfterEach
    void stopSecondInstance() throws Exception {
        SecurityContextHolder.clearContext();
        if (second != null) {
            second.destroy();
            if (!second.waitFor(Duration.ofSeconds(30))) {
                second.destroyForcibly();
            }
        }
    }

    @Test
    void aRoleChangeAndADisableOnOneInstanceEndTheSessionOnTheOtherAtTheNextClick() {
        long springfield = jdbc.queryForObject("select id from department where name = 'Springfield Fire Rescue'",
                Long.class);
        seeding.ensureAccount("e2e-two-places", "Tam Twoplaces", Role.ADMINISTRATOR, springfield, CHOSEN, false);

        driver.get(secondUrl("/users"));
        signIn("e2e-two-places", CHOSEN);
        wait.until(ExpectedConditions.elementToBeClickable(button("Add person")));

        // instance A demotes them to member; instance B never hears of it but from the database
        SignIn.as(users, "admin");
        people.changeRole(person().id(), Role.MEMBER, person().version());
        driver.findElement(button("Add person")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        assertThat(driver.findElements(By.tagName("vaadin-dialog-overlay"))).isEmpty();

        // signed in again on B, they have the member's rights only
        driver.get(secondUrl("/"));
        signIn("e2e-two-places", CHOSEN);
        wait.until(d -> d.getPageSource().contains("tile-in-service"));
        driver.get(secondUrl("/users"));
        waitForVaadin();
        assertThat(driver.getPageSource()).doesNotContain("Add person");
        driver.get(secondUrl("/"));
        wait.until(d -> d.getPageSource().contains("tile-in-service"));

        // instance A disables them: B's open view answers with sign-in, and signing in again fails
        people.setEnabled(person().id(), false, person().version());
        // a click in the open view: the menu's link to the apparatus
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-side-nav-item[normalize-space(.)='Apparatus']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        signIn("e2e-two-places", CHOSEN);
        wait.until(ExpectedConditions.urlContains("/login?error"));
    }

    private Person person() {
        return people.people().stream().filter(p -> p.username().equals("e2e-two-places")).findFirst()
                .orElseThrow();
    }

    private String secondUrl(String path) {
        return "http://localhost:" + secondPort + path;
    }

    private static By button(String text) {
        return By.xpath("//vaadin-button[normalize-space(.)='" + text + "']");
    }
}
