package com.rigsync.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for browser tests. Where Chromium is missing the tests skip with the reason, unless
 * {@code -De2e.required=true} (set by .ci/run) turns the skip into a failure.
 */
final class Browser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    static ChromeDriver start() throws IOException {
        return start(options -> {
        });
    }

    /** As {@link #start()}, with further options (for example {@code goog:loggingPrefs}). */
    static ChromeDriver start(Consumer<ChromeOptions> extra) throws IOException {
        for (String binary : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!new File(binary).canExecute()) {
                String reason = "Browser test needs " + binary + " (Debian packages chromium and chromium-driver; "
                        + ".ci/run installs them)";
                if (Boolean.getBoolean("e2e.required")) {
                    Assertions.fail(reason + ", and e2e.required=true makes browser tests mandatory.");
                }
                Assumptions.abort(reason + ": skipped.");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("rigsync-chromium").toAbsolutePath());
        extra.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
