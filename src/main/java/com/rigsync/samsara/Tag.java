package com.rigsync.samsara;

import tools.jackson.databind.JsonNode;

/** A Samsara tag (stations, shifts, ...); {@code parentTagId} may be null. */
public record Tag(String id, String name, String parentTagId) {

    static Tag parse(JsonNode n) {
        return new Tag(Json.text(n, "id"), Json.text(n, "name"), Json.text(n, "parentTagId"));
    }
}
