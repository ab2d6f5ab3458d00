package com.rigsync.demo.ui;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.people.PeopleService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import jakarta.annotation.security.PermitAll;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;

/**
 * The demo's mailbox: the mail the demo's embedded mail server received for the signed-in person's address, newest
 * first. No {@code @Route}: the demo registers it at {@value #ROUTE}, in the demo profile only.
 */
@PageTitle("Demo mailbox")
@PermitAll
public class DemoMailboxView extends VerticalLayout {

    public static final String ROUTE = "demo/mailbox";

    /** One received mail, read once from the server. */
    record Mail(java.time.Instant received, String subject, String body) {
    }

    private final transient ObjectProvider<GreenMail> server;
    private final transient PeopleService people;
    private final transient DepartmentDisplay display;
    private final Paragraph whose = new Paragraph();
    private final Grid<Mail> grid = new Grid<>();
    private final Pre body = new Pre();
    private final Paragraph serverState = new Paragraph();
    private final String firstInstance;
    private final int imapPort;

    DemoMailboxView(ObjectProvider<GreenMail> server, PeopleService people, DepartmentDisplay display,
                    @Value("${rigsync.demo.first-instance:}") String firstInstance,
                    @Value("${rigsync.demo-mail.imap-port:3143}") int imapPort) {
        this.server = server;
        this.firstInstance = firstInstance.strip();
        this.imapPort = imapPort;
        this.people = people;
        this.display = display;
        addClassName("view");
        setSizeFull();
        Div note = new Div("Demo only: the mail RigSync sent to your address, as the demo's own mail server "
                + "received it. A mail client can read the same over IMAP.");
        note.addClassName("note");
        grid.addColumn(m -> display.display().dateTime(m.received())).setHeader("Received").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Mail::subject).setHeader("Subject").setFlexGrow(1);
        grid.setHeight("16em");
        grid.setWidthFull();
        grid.asSingleSelect().addValueChangeListener(e -> body.setText(e.getValue() == null ? "" : e.getValue().body()));
        body.setId("mail-body");
        body.getStyle().set("white-space", "pre-wrap").set("max-width", "60rem");
        serverState.addClassName("mail-server-state");
        Button stop = new Button("Stop the mail server", e -> switchServer(false));
        Button start = new Button("Start it again", e -> switchServer(true));
        // no mail server of its own (a second demo instance, or a real server): nothing to stop, nothing to list
        boolean own = server.getIfAvailable() != null;
        stop.setVisible(own);
        start.setVisible(own);
        grid.setVisible(own);
        body.setVisible(own);
        add(new H2("Demo mailbox"), note, whose, new HorizontalLayout(new Button("Refresh", e -> refresh()), stop,
                start), serverState, grid, body);
    }

    /**
     * Demo only: stops or starts the embedded mail server, to watch alert mail wait in the outbox (the Alerts page
     * says why) and go once the server is back.
     */
    private void switchServer(boolean on) {
        GreenMail mail = server.getIfAvailable();
        if (mail == null) {
            return;
        }
        if (on && !mail.isRunning()) {
            mail.start();
        } else if (!on && mail.isRunning()) {
            mail.stop();
        }
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refresh();
    }

    private void refresh() {
        String address = people.myEmail();
        GreenMail mail = server.getIfAvailable();
        boolean running = mail != null && mail.isRunning();
        serverState.setText(mail == null ? "" : running
                ? "The demo's mail server is running."
                : "The demo's mail server is stopped: alert mail waits in the outbox until it is started again. "
                        + "It keeps mail in memory only, so what it had received before is gone.");
        if (mail != null && !running) {
            whose.setText("");
            grid.setItems(List.of());
            return;
        }
        if (mail == null && !firstInstance.isEmpty()) {
            whose.setText("This is a second demo instance: its mail goes to the mail server of the first one, "
                    + "beside the mail of the first. Read it there, at " + firstInstance + "/" + ROUTE
                    + ", or with a mail client on IMAP port " + imapPort + " of this machine.");
            grid.setItems(List.of());
            return;
        }
        if (mail == null) {
            whose.setText("This demo sends mail to a real server (spring.mail.host is set), so there is no demo "
                    + "mailbox to read.");
            grid.setItems(List.of());
            return;
        }
        if (address == null) {
            whose.setText("You have no e-mail address: set one under Alert settings to get alert mail.");
            grid.setItems(List.of());
            return;
        }
        List<Mail> mails = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> addressedTo(m, address))
                .map(DemoMailboxView::read)
                .sorted(Comparator.comparing(Mail::received).reversed())
                .toList();
        whose.setText("Mail to " + address + ": " + mails.size() + (mails.size() == 1 ? " message." : " messages.")
                + (mails.isEmpty() ? "" : " Choose one to read it."));
        grid.setItems(mails);
        body.setText("");
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            var to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static Mail read(MimeMessage message) {
        try {
            var received = message.getReceivedDate() != null ? message.getReceivedDate()
                    : message.getSentDate() != null ? message.getSentDate() : new java.util.Date(0);
            return new Mail(received.toInstant(), message.getSubject(), GreenMailUtil.getBody(message));
        } catch (jakarta.mail.MessagingException e) {
            return new Mail(java.time.Instant.EPOCH, "(unreadable message)", "");
        }
    }
}
