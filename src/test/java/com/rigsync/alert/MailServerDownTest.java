package com.rigsync.alert;

import com.icegreen.greenmail.util.GreenMail;
import com.rigsync.KaribuTest;
import com.rigsync.demo.ui.DemoMailboxView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's mail server stopped from its mailbox page and started again: alert mail waits in the outbox with the
 * reason meanwhile, and arrives once, when the server is back.
 */
class MailServerDownTest extends KaribuTest {

    @Autowired
    private AlertOutbox outbox;
    @Autowired
    private GreenMail mailServer;
    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void serverRunsAgain() {
        if (!mailServer.isRunning()) {
            mailServer.start();
        }
    }

    @Test
    void mailWaitsWhileTheDemoServerIsStoppedAndArrivesOnceWhenItIsBack() {
        outbox.sendDue();
        signIn("manager");
        String address = jdbc.queryForObject("select email from app_user where username = 'manager'", String.class);
        navigate(DemoMailboxView.ROUTE);

        _click(_get(Button.class, spec -> spec.withText("Stop the mail server")));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("mail-server-state")).getText())
                .startsWith("The demo's mail server is stopped");
        long user = jdbc.queryForObject("select id from app_user where username = 'manager'", Long.class);
        jdbc.update("insert into alert_mail (user_id, address, purpose, mail_subject, body, created_at, status, "
                + "next_attempt_at) values (?, ?, 'DIGEST', 'Mailbox test', 'body', now(6), 'WAITING', now(6))",
                user, address);
        assertThat(outbox.sendDue().deferred()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select last_error from alert_mail where mail_subject = 'Mailbox test'",
                String.class)).isEqualTo("Mail server unreachable");

        _click(_get(Button.class, spec -> spec.withText("Start it again")));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("mail-server-state")).getText())
                .isEqualTo("The demo's mail server is running.");
        jdbc.update("update alert_mail set next_attempt_at = now(6) where mail_subject = 'Mailbox test'");
        assertThat(outbox.sendDue().sent()).isEqualTo(1);
        assertThat(outbox.sendDue().sent()).as("once").isZero();

        _click(_get(Button.class, spec -> spec.withText("Refresh")));
        Grid<?> mails = _get(Grid.class);
        assertThat(_size(mails)).isPositive();
        assertThat(_getFormattedRow(mails, 0)).contains("Mailbox test");
    }
}
