package com.rigsync.demo.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a list goes on, handed to clients as an opaque {@code endCursor}. The kind names the list: {@code v}
 * vehicles, {@code d} drivers, {@code s} a stats snapshot, {@code l} the stats feed's first answer (the latest
 * readings), {@code f} the stats feed since a time. {@code serial} only tells apart the cursors of inserted empty
 * pages.
 */
record Cursor(String kind, long since, long until, String lastId, int serial) {

    /**
     * The request's {@code after} cursor, or {@code first} when it has none. A cursor of another list is refused,
     * except that the feed ({@code f}) goes on from its first answer's cursors ({@code l}).
     */
    static Cursor after(SimulatedRequest request, String kind, Cursor first) {
        String raw = request.queryParam("after");
        if (raw == null || raw.isEmpty()) {
            return first;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8)
                    .split("~", -1);
            var cursor = new Cursor(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3],
                    Integer.parseInt(parts[4]));
            boolean fits = cursor.kind().equals(kind) || kind.equals("f") && cursor.kind().equals("l");
            if (parts.length == 5 && fits) {
                return cursor;
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ignored) {
            // answered below
        }
        throw new BadRequest("Invalid value for 'after': not a cursor of this endpoint.");
    }

    String encode() {
        String raw = String.join("~", kind, Long.toString(since), Long.toString(until), lastId,
                Integer.toString(serial));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    Cursor at(String newLastId) {
        return new Cursor(kind, since, until, newLastId, 0);
    }
}
