package com.rigsync.samsara;

import java.util.List;

/**
 * One step of the stats feed: a page per group of types and the cursor to persist. When {@link #hasNextPage()} is
 * false nothing newer is ready: wait at least 5 s before asking again.
 */
public record StatsFeedResult(List<StatsFeedPage> pages, StatsFeedCursor nextCursor) {

    public StatsFeedResult {
        pages = List.copyOf(pages);
    }

    /** True when any group has more to read right away. */
    public boolean hasNextPage() {
        return pages.stream().anyMatch(StatsFeedPage::hasNextPage);
    }
}
