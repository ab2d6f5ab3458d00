package com.rigsync.integration.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rigsync.integration.TagChoice;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;

/**
 * Settings' Samsara tag filter. RigSync saves tag ids only, so a saved tag shows as "Tag &lt;id&gt;" until a test
 * connection names the tags of the vehicles the token sees; a name once learnt stays while the screen is open.
 */
final class TagFilter extends MultiSelectComboBox<String> {

    private final Map<String, String> names = new LinkedHashMap<>();

    TagFilter() {
        super("Samsara tags");
        setItemLabelGenerator(id -> names.getOrDefault(id, "Tag " + id));
        setWidth("28em");
        setHelperText("Limit RigSync to vehicles with these Samsara tags; leave empty for every vehicle the token sees. "
                + "Test connection offers the tags of those vehicles.");
    }

    /** Chooses the saved tags. */
    void show(List<String> saved) {
        saved.forEach(id -> names.putIfAbsent(id, "Tag " + id));
        setItems(List.copyOf(names.keySet()));
        setValue(saved);
    }

    /** Offers the tags a test connection found, keeping the choice. */
    void offer(List<TagChoice> found) {
        for (TagChoice tag : found) {
            names.put(tag.id(), tag.label());
        }
        var selected = getSelectedItems();
        setItems(List.copyOf(names.keySet()));
        setValue(selected);
    }

    List<String> chosen() {
        return List.copyOf(getSelectedItems());
    }
}
