package com.rigsync.people;

import java.util.Locale;
import java.util.regex.Pattern;

/** The e-mail addresses RigSync accepts: one plain mailbox (name@domain.tld), no display name, no list. */
final class EmailAddresses {

    /** RFC 5321's limit for a whole address. */
    static final int MAX_LENGTH = 254;
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private EmailAddresses() {
    }

    /** The address trimmed with its domain in lower case, null for blank; a malformed one is refused with why. */
    static String check(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String trimmed = address.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("That e-mail address is too long (at most " + MAX_LENGTH
                    + " characters).");
        }
        if (!trimmed.contains("@")) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an e-mail address: it has no @.");
        }
        if (!ADDRESS.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an e-mail address. Write it as "
                    + "name@example.org, without spaces or a name in front.");
        }
        int at = trimmed.lastIndexOf('@');
        return trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
