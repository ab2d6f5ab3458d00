package com.rigsync.driver;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * The random codes a driver login token is paired with: 20 characters from an alphabet without look-alikes (no 0/O/o,
 * 1/l/I), about 116 bits, so a driver can read it out or type it without mistakes.
 */
@Component
class LoginCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz";
    static final int LENGTH = 20;

    private final SecureRandom random = new SecureRandom();

    String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
