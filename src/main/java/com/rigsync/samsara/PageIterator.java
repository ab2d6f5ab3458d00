package com.rigsync.samsara;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The items of a cursor-paged list, fetched one page at a time as they are consumed. Follows {@code endCursor}
 * while {@code hasNextPage} is true, through short and empty pages. A cursor that is missing, empty or already sent
 * while more pages are announced would loop for ever: the list ends there, keeps what arrived, and says so through
 * {@code cutShort}.
 */
final class PageIterator implements Iterator<JsonNode> {

    private static final Logger log = LoggerFactory.getLogger(PageIterator.class);

    private final Endpoint endpoint;
    private final Function<String, HttpUrl> urlForCursor;
    private final Function<HttpUrl, JsonNode> fetch;
    private final Consumer<ListCutShort> cutShort;
    private final Set<String> seenCursors = new HashSet<>();
    private int itemsFetched;
    private Iterator<JsonNode> page = java.util.Collections.emptyIterator();
    private String nextCursor;
    private boolean morePages = true;

    PageIterator(Endpoint endpoint, Function<String, HttpUrl> urlForCursor, Function<HttpUrl, JsonNode> fetch,
            Consumer<ListCutShort> cutShort) {
        this.endpoint = endpoint;
        this.urlForCursor = urlForCursor;
        this.fetch = fetch;
        this.cutShort = cutShort;
    }

    static Stream<JsonNode> stream(Endpoint endpoint, Function<String, HttpUrl> urlForCursor,
            Function<HttpUrl, JsonNode> fetch, Consumer<ListCutShort> cutShort) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                new PageIterator(endpoint, urlForCursor, fetch, cutShort), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
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
        itemsFetched += data.size();
        JsonNode pagination = root.get("pagination");
        boolean hasNextPage = pagination != null && Boolean.TRUE.equals(Json.bool(pagination, "hasNextPage"));
        if (!hasNextPage) {
            morePages = false;
            return;
        }
        String cursor = Json.text(pagination, "endCursor");
        if (cursor == null || cursor.isEmpty() || !seenCursors.add(cursor)) {
            morePages = false;
            log.warn("Samsara {}: another page announced after {} page(s) but {}; keeping the {} item(s) that "
                    + "arrived instead of asking again", endpoint.label(), seenCursors.size() + 1,
                    cursor == null || cursor.isEmpty() ? "no cursor came" : "the cursor was one already sent",
                    itemsFetched);
            cutShort.accept(new ListCutShort(endpoint.listed(), itemsFetched));
            return;
        }
        nextCursor = cursor;
    }

    private MalformedResponseException malformed(String why) {
        return new MalformedResponseException(ErrorDetails.noAnswer(endpoint), why, null);
    }
}
