package com.rigsync.security;

import org.springframework.security.authentication.LockedException;

/**
 * Sign-in refused before the password is even checked, because of earlier failures for this username from this
 * address. Thrown for unknown usernames exactly as for real ones, so it reveals nothing about which exist.
 */
public class SignInPausedException extends LockedException {

    public SignInPausedException(String message) {
        super(message);
    }
}
