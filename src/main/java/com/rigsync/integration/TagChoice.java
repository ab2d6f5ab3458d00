package com.rigsync.integration;

/**
 * A Samsara tag seen on the vehicles the token can see, offered for the tag filter, with the tag it sits under
 * (null at the top).
 */
public record TagChoice(String id, String name, String parentTagId) {

    public String label() {
        return name == null || name.isBlank() ? "Tag " + id : name;
    }
}
