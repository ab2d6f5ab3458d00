package com.rigsync.samsara;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * The items of a cursor-paged list, fetched one page at a time as they are consumed. Follows {@code endCursor}
 * while {@code hasNextPage} is true, through short and empty pages; a cursor that repeats (or is missing while more
 * pages are announced) would loop for ever, so it ends the listing with a {@link MalformedResponseException}.
 */
final class PageIterator implements Iterator<JsonNode> {

    private final Endpoint endpoint;
    private final Function<String, HttpUrl> urlForCursor;
    private final Function<HttpUrl, JsonNode> fetch;
    private final Set<String> seenCursors = new HashSet<>();
    private Iterator<JsonNode> page = java.util.Collections.emptyIterator();
    private String nextCursor;
    private boolean morePages = true;

    PageIterator(Endpoint endpoint, Function<String, HttpUrl> urlForCursor, Function<HttpUrl, JsonNode> fetch) {
        this.endpoint = endpoint;
        this.urlForCursor = urlForCursor;
        this.fetch = fetch;
    }

    static Stream<JsonNode> stream(Endpoint endpoint, Function<String, HttpUrl> urlForCursor,
            Function<HttpUrl, JsonNode> fetch) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                new PageIterator(endpoint, urlForCursor, fetch), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext() && morePages) {
            fetchPage();
        }
        return page.hasNext();
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.next();
    }

    private void fetchPage() {
        JsonNode root = fetch.apply(urlForCursor.apply(nextCursor));
        JsonNode data = root.get("data");
        if (data == null || !(data.isArray() || data.isNull())) {
            throw malformed("the answer has no 'data' list");
        }
        page = data.isArray() ? data.iterator() : java.util.Collections.emptyIterator();
        JsonNode pagination = root.get("pagination");
        boolean hasNextPage = pagination != null && Boolean.TRUE.equals(Json.bool(pagination, "hasNextPage"));
        if (!hasNextPage) {
            morePages = false;
            return;
        }
        String cursor = Json.text(pagination, "endCursor");
        if (cursor == null) {
            throw malformed("Samsara announced another page but sent no cursor");
        }
        if (!seenCursors.add(cursor)) {
            throw malformed("Samsara sent the same page cursor twice (after " + seenCursors.size()
                    + " pages); stopping instead of looping");
        }
        nextCursor = cursor;
    }

    private MalformedResponseException malformed(String why) {
        return new MalformedResponseException(ErrorDetails.noAnswer(endpoint), why, null);
    }
}
