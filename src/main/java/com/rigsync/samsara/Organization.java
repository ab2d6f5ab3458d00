package com.rigsync.samsara;

import tools.jackson.databind.JsonNode;

/** The organisation a token belongs to, from {@code GET /me}. */
public record Organization(String id, String name) {

    static Organization parse(JsonNode data) {
        return new Organization(Json.text(data, "id"), Json.text(data, "name"));
    }
}
