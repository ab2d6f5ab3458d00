package com.rigsync.driver;

import java.time.Instant;

/**
 * A driver login token and the code it is paired with, to be shown once and dropped. Neither is stored;
 * {@code toString()} shows neither.
 *
 * @param expiresAt when Samsara says the token expires; null when it did not say
 */
public record IssuedLoginToken(SamsaraDriver driver, String token, String code, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedLoginToken[driver=" + driver.id() + ", token=[redacted], code=[redacted], expiresAt="
                + expiresAt + "]";
    }
}
