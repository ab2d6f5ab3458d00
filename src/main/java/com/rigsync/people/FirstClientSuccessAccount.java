package com.rigsync.people;

import com.rigsync.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production never ships a default password: the first Client Success account comes from RIGSYNC_BOOTSTRAP_USERNAME
 * and RIGSYNC_BOOTSTRAP_PASSWORD at the first start, and its password must be changed at first sign-in.
 */
@Component
@Profile("!demo")
class FirstClientSuccessAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstClientSuccessAccount.class);

    private final AccountSeeding seeding;
    private final String username;
    private final String password;

    FirstClientSuccessAccount(AccountSeeding seeding,
                              @Value("${rigsync.bootstrap.client-success.username:}") String username,
                              @Value("${rigsync.bootstrap.client-success.password:}") String password) {
        this.seeding = seeding;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (seeding.anyClientSuccessAccount()) {
            // never skipped in silence: a bootstrap username that was not created is named in the log
            if (!username.isBlank() && !seeding.exists(username)) {
                log.warn("RIGSYNC_BOOTSTRAP_USERNAME '{}' was not created: Client Success accounts exist already, and "
                        + "the bootstrap account is made only for the very first one. Sign in with an existing Client "
                        + "Success account and add the person under Users, then unset RIGSYNC_BOOTSTRAP_*.", username);
            } else if (!username.isBlank()) {
                log.info("The bootstrap Client Success account '{}' exists; RIGSYNC_BOOTSTRAP_USERNAME and "
                        + "RIGSYNC_BOOTSTRAP_PASSWORD are no longer needed.", username);
            }
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            log.warn("No Client Success account exists yet. Set RIGSYNC_BOOTSTRAP_USERNAME and "
                    + "RIGSYNC_BOOTSTRAP_PASSWORD and restart to create the first one.");
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("RIGSYNC_BOOTSTRAP_PASSWORD must be at least 12 characters long.");
        }
        seeding.ensureAccount(username, "Client Success", Role.CLIENT_SUCCESS, null, password, true);
        log.info("Created the first Client Success account {}; a new secret must be chosen at first sign-in.",
                username);
    }
}
