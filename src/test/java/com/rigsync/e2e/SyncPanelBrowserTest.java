package com.rigsync.e2e;

import java.util.List;

import com.rigsync.integration.IntegrationTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Setup > Sync in a real browser: "Sync now" runs against the simulated Samsara and the page follows it by push. */
class SyncPanelBrowserTest extends BrowserTest {

    @Autowired
    private ApplicationContext context;
    private String manager;

    @AfterEach
    void removeDepartment() {
        if (manager != null) {
            long id = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                    manager);
            // the run's scheduler execution is rescheduled after the run ends; remove the department after that
            wait.until(d -> jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = "
                    + "'department-sync' and task_instance = ? and picked = true", Integer.class,
                    String.valueOf(id)) == 0);
            jdbc.update("delete from meter_reading where department_id = ?", id);
            jdbc.update("delete from sync_feed_cursor where department_id = ?", id);
            IntegrationTestAccess.removeDepartmentOf(jdbc, manager);
        }
    }

    @Test
    void syncNowRunsAndThePanelShowsTheFinishedRunWithoutAReload() {
        manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        open("/setup/sync");
        signIn(manager, IntegrationTestAccess.PASSWORD);
        wait.until(d -> d.getPageSource().contains("Last successful sync: never synced yet"));
        assertThat(driver.getPageSource()).contains("No sync has run yet.");

        driver.findElement(By.xpath("//vaadin-button[normalize-space()='Sync now']")).sendKeys(Keys.ENTER);

        wait.until(d -> d.getPageSource().contains("Sync finished: Succeeded"));
        wait.until(d -> d.getPageSource().contains("Sync now by " + manager));
        assertThat(driver.getPageSource()).doesNotContain("Last successful sync: never synced yet")
                .doesNotContain("No sync has run yet.").contains("Samsara vehicles linked to no apparatus");
    }
}
