package com.rigsync.integration;

/** How a Samsara organisation is named in messages and in the audit trail. */
final class Organisations {

    private Organisations() {
    }

    /** "Springfield Fire Rescue (id 11235813)", or "organisation (id …)" when Samsara gave no name. */
    static String describe(String name, String id) {
        return (name == null ? "organisation" : name) + " (id " + id + ")";
    }
}
