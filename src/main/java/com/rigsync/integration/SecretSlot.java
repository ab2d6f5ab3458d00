package com.rigsync.integration;

import java.nio.charset.StandardCharsets;

/**
 * Where a stored secret lives: its department's Samsara connection and the column. Sealed into each ciphertext as
 * AES-GCM associated data, so a ciphertext copied to another department's row or to the other column does not
 * decrypt.
 */
record SecretSlot(long departmentId, Column column) {

    enum Column {
        /** An API token or an OAuth access token. */
        SECRET("secret_ciphertext"),
        /** An OAuth refresh token. */
        REFRESH("refresh_ciphertext");

        private final String name;

        Column(String name) {
            this.name = name;
        }
    }

    static SecretSlot secret(long departmentId) {
        return new SecretSlot(departmentId, Column.SECRET);
    }

    static SecretSlot refresh(long departmentId) {
        return new SecretSlot(departmentId, Column.REFRESH);
    }

    byte[] associatedData() {
        return ("rigsync/samsara_connection/" + departmentId + "/" + column.name).getBytes(StandardCharsets.UTF_8);
    }
}
