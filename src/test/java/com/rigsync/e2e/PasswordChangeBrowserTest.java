package com.rigsync.e2e;

import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import com.rigsync.people.AccountSeeding;
import com.rigsync.people.PeopleService;
import com.rigsync.people.Person;
import com.rigsync.security.Role;
import com.rigsync.security.SignedInSessions;
import com.rigsync.security.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an administrator adds a person, who signs in with the one-time password, is held on Change
 * password until they choose their own, and then signs in with it. And repeated wrong passwords are slowed down.
 */
class PasswordChangeBrowserTest extends BrowserTest {

    private static final String CHOSEN = "ladder four backs up engine two";

    @Autowired
    private AccountSeeding seeding;
    @Autowired
    private PeopleService people;
    @Autowired
    private SignedInSessions sessions;
    @Autowired
    private UserDetailsService users;
    @AfterEach
    void signOutOfTheServer() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void disablingSomeoneEndsTheSessionTheyHaveOpenAtTheirNextClick() {
        long springfield = jdbc.queryForObject("select id from department where name = 'Springfield Fire Rescue'",
                Long.class);
        seeding.ensureAccount("e2e-leaver", "Lou Leaver", Role.MEMBER, springfield, CHOSEN, false);
        driver.get(url("/"));
        signIn("e2e-leaver", CHOSEN);
        wait.until(d -> d.getPageSource().contains("tile-in-service"));
        long id = jdbc.queryForObject("select id from app_user where username = 'e2e-leaver'", Long.class);
        assertThat(sessions.openSessionsOf(id)).isEqualTo(1);

        SignedInUser admin = (SignedInUser) users.loadUserByUsername("admin");
        SignIn.as(admin);
        Person leaver = people.people().stream().filter(p -> p.username().equals("e2e-leaver")).findFirst()
                .orElseThrow();
        people.setEnabled(leaver.id(), false, leaver.version());
        assertThat(sessions.openSessionsOf(id)).as("the session is marked expired").isZero();

        click(button("Change password"));
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        driver.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.getPageSource()).doesNotContain("Lou Leaver");
    }

    @Test
    void aNewPersonSignsInWithTheOneTimePasswordIsMadeToChangeItAndSignsInWithTheirOwn() {
        driver.get(url("/users"));
        signIn("admin", "rigsync-demo");
        wait.until(ExpectedConditions.urlContains("/users"));
        click(button("Add person"));
        type(field("vaadin-text-field", "Name"), "Erin Newcomer");
        type(field("vaadin-text-field", "Username"), "e2e-newcomer");
        click(button("Add"));
        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'one-time-password')]")));
        String oneTimePassword = shown.getText().trim();
        assertThat(oneTimePassword).matches("[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}");
        click(button("I have passed it on"));
        signOut();

        signIn("e2e-newcomer", oneTimePassword);
        wait.until(ExpectedConditions.urlContains("/change-password"));
        wait.until(d -> d.getPageSource().contains("You signed in with a one-time password"));
        // any other address leads back to Change password
        driver.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/change-password"));

        type(field("vaadin-password-field", "One-time password"), oneTimePassword);
        type(field("vaadin-password-field", "New password"), CHOSEN);
        type(field("vaadin-password-field", "New password again"), CHOSEN);
        click(button("Save new password"));
        wait.until(d -> d.getPageSource().contains("tile-in-service"));
        assertThat(driver.getCurrentUrl()).doesNotContain("change-password");
        signOut();

        signIn("e2e-newcomer", CHOSEN);
        wait.until(d -> d.getPageSource().contains("tile-in-service"));
        assertThat(driver.getCurrentUrl()).doesNotContain("change-password");
    }

    @Test
    void repeatedWrongPasswordsAreSlowedDownWithoutSayingWhetherTheUsernameExists() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            driver.get(url("/login"));
            signIn("e2e-ghost", "wrong guess " + attempt);
            wait.until(ExpectedConditions.urlContains("/login?error"));
        }
        waitForVaadin();
        String message = (String) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('vaadin-login-form').i18n.errorMessage.message");
        assertThat(message).matches("Several sign-ins for this username failed\\. Wait \\d+ seconds, check your "
                + "username and password, and try again\\.");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signOut() {
        click(button("Sign out"));
        wait.until(ExpectedConditions.urlContains("/login"));
        waitForVaadin();
    }

    private By button(String text) {
        return By.xpath("//vaadin-button[normalize-space(.)='" + text + "']");
    }

    private By field(String tag, String label) {
        return By.xpath("//" + tag + "[label[normalize-space(.)='" + label + "']]//input");
    }

    private void click(By locator) {
        waitForVaadin();
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    private void type(By locator, String text) {
        waitForVaadin();
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(locator));
        input.sendKeys(text, Keys.TAB);
    }

}
