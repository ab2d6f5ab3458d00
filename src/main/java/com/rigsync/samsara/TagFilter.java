package com.rigsync.samsara;

import java.util.List;

/**
 * Which of the organisation's vehicles (and drivers) a department sees: those with any of {@code tagIds}, and those
 * with any of {@code parentTagIds} or any tag under them (Samsara's {@code parentTagIds}: a station tag added under
 * "Fire" later is included without anyone changing the filter). Both empty: everything the token sees.
 */
public record TagFilter(List<String> tagIds, List<String> parentTagIds) {

    public TagFilter {
        tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
        parentTagIds = parentTagIds == null ? List.of() : List.copyOf(parentTagIds);
    }

    public static TagFilter none() {
        return new TagFilter(List.of(), List.of());
    }

    public static TagFilter tags(List<String> tagIds) {
        return new TagFilter(tagIds, List.of());
    }

    public boolean isEmpty() {
        return tagIds.isEmpty() && parentTagIds.isEmpty();
    }
}
