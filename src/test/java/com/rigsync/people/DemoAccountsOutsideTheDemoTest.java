package com.rigsync.people;

import java.util.List;

import com.rigsync.SpringAppTest;
import com.rigsync.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test database was made by the demo, as a database once used for the demo would be: started outside the demo,
 * the app refuses, naming the accounts and the fix; accounts with passwords of their own do not stop it.
 */
@SpringAppTest
class DemoAccountsOutsideTheDemoTest {

    @Autowired
    private UserAccountRepository accounts;
    @Autowired
    private PasswordEncoder passwordEncoder;
    @Autowired
    private AccountSeeding seeding;

    @Test
    void demoAccountsWithTheDemoPasswordStopTheStartNamingTheFix() {
        assertThatThrownBy(() -> new DemoAccountsOutsideTheDemo(accounts, passwordEncoder).run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'success', 'admin', 'manager', 'member', 'shelbyville-admin'")
                .hasMessageContaining("UPDATE app_user SET enabled = 0 WHERE username IN ('success', 'admin'")
                .hasMessageContaining("Spring profile 'demo'");
    }

    @Test
    void accountsWithTheirOwnPasswordsOrDisabledDoNotStopIt() {
        seeding.ensureAccount("own-secret", "Owen Secret", Role.CLIENT_SUCCESS, null, "a long and private phrase",
                false);
        assertThatCode(() -> new DemoAccountsOutsideTheDemo(accounts, passwordEncoder,
                List.of("own-secret", "nobody-here")).run(null)).doesNotThrowAnyException();
    }
}
