package com.rigsync.people;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside the demo, refuses to start while the demo's accounts can still sign in with the demo's published password
 * (a database once used by the demo, then started for real), and says how to fix it.
 */
@Component
@Profile("!demo")
@Order(-20)
class DemoAccountsOutsideTheDemo implements ApplicationRunner {

    /** The demo's users and their one password, as the README lists them. */
    static final List<String> DEMO_USERNAMES = List.of("success", "admin", "manager", "member",
            "shelbyville-admin");
    static final String DEMO_PASSWORD = "rigsync-demo";

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final List<String> usernames;

    DemoAccountsOutsideTheDemo(UserAccountRepository accounts, PasswordEncoder passwordEncoder) {
        this(accounts, passwordEncoder, DEMO_USERNAMES);
    }

    DemoAccountsOutsideTheDemo(UserAccountRepository accounts, PasswordEncoder passwordEncoder,
                               List<String> usernames) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.usernames = usernames;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> open = usernames.stream()
                .flatMap(name -> accounts.findByUsername(name).stream())
                .filter(UserAccount::isEnabled)
                .filter(a -> passwordEncoder.matches(DEMO_PASSWORD, a.getPasswordHash()))
                .map(UserAccount::getUsername)
                .toList();
        if (!open.isEmpty()) {
            String list = String.join("', '", open);
            throw new IllegalStateException("This database still has demo accounts that sign in with the demo's "
                    + "published password: '" + list + "'. RigSync starts outside the demo only without them. Use a "
                    + "new database, or disable them first (UPDATE app_user SET enabled = 0 WHERE username IN ('"
                    + list + "');), or run the demo with the Spring profile 'demo'.");
        }
    }
}
