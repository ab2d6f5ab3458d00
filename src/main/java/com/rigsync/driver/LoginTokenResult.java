package com.rigsync.driver;

/** The answer to "issue a login token": the token, or why none was issued, in the department's words. */
public sealed interface LoginTokenResult {

    record Issued(IssuedLoginToken token) implements LoginTokenResult {
        @Override
        public String toString() {
            return "Issued[" + token + "]";
        }
    }

    record Refused(String message) implements LoginTokenResult {
    }
}
