package com.rigsync.people;

/** An account just made, with its one-time password to show once. */
public record NewAccount(String username, OneTimePassword password) {
}
