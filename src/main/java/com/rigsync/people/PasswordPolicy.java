package com.rigsync.people;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Length over complexity (as NIST SP 800-63B advises): at least 12 characters, any characters, spaces welcome; not
 * the username and not one of the passwords attackers try first. Outside the demo the demo password is refused too.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut short. */
    static final int MAX_BYTES = 72;
    static final String DEMO_PASSWORD = "rigsync-demo";

    private static final Set<String> COMMON = Set.of(
            "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111", "000000000000",
            "password1234", "password12345", "password123!", "passw0rd1234", "passwordpassword", "p@ssw0rd1234",
            "qwertyuiop12", "qwertyuiopas", "qwerty123456", "qwertyqwerty", "1q2w3e4r5t6y", "1qaz2wsx3edc",
            "abcdefghijkl", "abc123abc123", "iloveyou1234", "letmein12345", "welcome12345", "welcome123!",
            "administrator", "administrator1", "admin1234567", "changeme1234", "firefighter1", "firefighter12",
            "firedepartment", "firerescue123", "firestation1", "engine123456", "ladder123456", "rescue123456",
            "springfield1", "summer202020", "winter202020", "football1234", "baseball1234", "trustno1trustno1",
            "rigsyncrigsync", "rigsync12345", "samsara12345");

    private final boolean demo;

    PasswordPolicy(Environment environment) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    /** Refuses a password that breaks the policy, saying what to choose instead. */
    void check(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("Choose a password of at least " + MIN_LENGTH + " characters. "
                    + "A few unrelated words with spaces are easy to remember and hard to guess.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("Choose a password of at most " + MAX_BYTES + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        // a short username such as "al" may well appear inside a good password; only refuse it whole
        if (!name.isEmpty() && (name.length() >= 4 ? lower.contains(name) : lower.equals(name))) {
            throw new IllegalArgumentException("Choose a password that does not contain your username.");
        }
        if (COMMON.contains(lower) || isOneRepeatedCharacter(lower)) {
            throw new IllegalArgumentException("That password is one of the first ones attackers try. "
                    + "Choose a less common one.");
        }
        if (!demo && lower.equals(DEMO_PASSWORD)) {
            throw new IllegalArgumentException("That is the demo's published password. Choose your own.");
        }
    }

    private static boolean isOneRepeatedCharacter(String password) {
        int[] codePoints = password.codePoints().toArray();
        return Arrays.stream(codePoints).allMatch(c -> c == codePoints[0]);
    }
}
