package com.rigsync.integration;

/** A Samsara tag seen on the vehicles the token can see, offered for the tag filter. */
public record TagChoice(String id, String name) {

    public String label() {
        return name == null || name.isBlank() ? "Tag " + id : name;
    }
}
