package com.rigsync.demo;

import com.icegreen.greenmail.util.GreenMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A second demo instance beside a first one on this machine ({@code RIGSYNC_DEMO_FIRST_INSTANCE}, e.g.
 * {@code http://localhost:8080}): it starts no mail server of its own but sends its mail to the first instance's
 * (the demo SMTP port on loopback), so every alert mail of both lands in one mailbox, where "once" can be checked.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(GreenMail.class)
@ConditionalOnExpression("${rigsync.demo-mail.enabled:false} and '${spring.mail.host:}'.isEmpty() "
        + "and !'${rigsync.demo.first-instance:}'.isEmpty()")
class DemoSecondInstanceMail {

    private static final Logger log = LoggerFactory.getLogger(DemoSecondInstanceMail.class);

    @Bean
    JavaMailSender demoMailSender(@Value("${rigsync.demo-mail.smtp-port:3025}") int smtpPort,
                                  @Value("${rigsync.demo.first-instance}") String first) {
        log.info("Second demo instance beside {}: mail goes to its mail server, SMTP on 127.0.0.1:{}", first,
                smtpPort);
        return DemoMailServerConfiguration.loopbackSender(smtpPort);
    }
}
