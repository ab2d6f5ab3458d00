package com.rigsync.people;

import java.util.Locale;
import java.util.regex.Pattern;

final class Usernames {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9._-]{1,79}");

    private Usernames() {
    }

    /** Usernames are lower case letters, digits, dots, dashes and underscores, 2 to 80 characters. */
    static String check(String username) {
        String clean = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!ALLOWED.matcher(clean).matches()) {
            throw new IllegalArgumentException(
                    "A username is 2 to 80 lower-case letters, digits, dots, dashes or underscores, such as 'jsmith'.");
        }
        return clean;
    }
}
