package com.rigsync.apparatus;

import java.util.List;

/**
 * The apparatus grid columns a person chose to show and to hide beyond their role's defaults, by column key; a
 * column in neither list follows the defaults.
 */
public record ColumnChoice(List<String> shown, List<String> hidden) {

    public static final ColumnChoice NONE = new ColumnChoice(List.of(), List.of());

    public ColumnChoice {
        shown = List.copyOf(shown);
        hidden = List.copyOf(hidden);
    }
}
