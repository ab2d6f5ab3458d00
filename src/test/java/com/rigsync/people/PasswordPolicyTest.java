package com.rigsync.people;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private final PasswordPolicy production = new PasswordPolicy(new MockEnvironment());

    @Test
    void lengthMattersNotCharacterClasses() {
        assertThatCode(() -> production.check("engine seven rolls at dawn", "jsmith")).doesNotThrowAnyException();
        assertThatCode(() -> production.check("zwölf zeichen", "jsmith")).doesNotThrowAnyException();
        assertThatThrownBy(() -> production.check("Sh0rt!Pass#", "jsmith"))
                .hasMessageStartingWith("Choose a password of at least 12 characters.");
        assertThatThrownBy(() -> production.check("x".repeat(73), "jsmith"))
                .hasMessage("Choose a password of at most 72 characters.");
    }

    @Test
    void refusesTheUsernameCommonPasswordsAndRepeats() {
        assertThatThrownBy(() -> production.check("jsmith-jsmith-2026", "jsmith"))
                .hasMessage("Choose a password that does not contain your username.");
        assertThatCode(() -> production.check("always alert at all hours", "al")).doesNotThrowAnyException();
        assertThatThrownBy(() -> production.check("Firefighter1", "jsmith"))
                .hasMessageContaining("first ones attackers try");
        assertThatThrownBy(() -> production.check("aaaaaaaaaaaaaaa", "jsmith"))
                .hasMessageContaining("first ones attackers try");
    }

    @Test
    void theDemoPasswordOnlyInTheDemo() {
        assertThatThrownBy(() -> production.check("rigsync-demo", "jsmith"))
                .hasMessage("That is the demo's published password. Choose your own.");
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThatCode(() -> new PasswordPolicy(demo).check("rigsync-demo", "jsmith")).doesNotThrowAnyException();
    }
}
