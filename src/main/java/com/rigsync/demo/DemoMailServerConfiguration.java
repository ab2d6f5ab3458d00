package com.rigsync.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo's mail server: an embedded GreenMail (SMTP and IMAP on loopback), started only when enabled (the demo and
 * test profiles enable it) and no SMTP server is configured (spring.mail.host), as the embedded MariaDB is. Every
 * address is accepted; a mail client reads a mailbox over IMAP with the address as login and as password. A second
 * demo instance ({@code rigsync.demo.first-instance} set) starts none: it sends to the first one's
 * ({@link DemoSecondInstanceMail}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "com.icegreen.greenmail.util.GreenMail")
@ConditionalOnExpression("${rigsync.demo-mail.enabled:false} and '${spring.mail.host:}'.isEmpty() "
        + "and '${rigsync.demo.first-instance:}'.isEmpty()")
class DemoMailServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoMailServerConfiguration.class);
    private static final String LOOPBACK = "127.0.0.1";

    @Bean(destroyMethod = "stop")
    GreenMail demoMailServer(@Value("${rigsync.demo-mail.smtp-port:3025}") int smtpPort,
                             @Value("${rigsync.demo-mail.imap-port:3143}") int imapPort) {
        // port 0 (the tests) takes a free port once, so a stopped and restarted server comes back on the same one
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(orFree(smtpPort), LOOPBACK, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(orFree(imapPort), LOOPBACK, ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        log.info("Demo mail server: SMTP on {}:{}, IMAP on {}:{} (login and password: the address)", LOOPBACK,
                server.getSmtp().getPort(), LOOPBACK, server.getImap().getPort());
        return server;
    }

    @Bean
    JavaMailSender demoMailSender(GreenMail demoMailServer) {
        return loopbackSender(demoMailServer.getSmtp().getPort());
    }

    /** A sender to a demo mail server on this machine's loopback, this instance's or the first demo instance's. */
    static JavaMailSender loopbackSender(int smtpPort) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(LOOPBACK);
        sender.setPort(smtpPort);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
        return sender;
    }

    private static int orFree(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
