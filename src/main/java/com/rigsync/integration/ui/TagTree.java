package com.rigsync.integration.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rigsync.integration.TagChoice;
import com.rigsync.samsara.TagFilter;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.treegrid.TreeGrid;

/**
 * Settings' Samsara tag filter as the organisation's tag tree: a ticked tag with tags under it ("Fire" over one tag
 * per station) counts with everything under it, now and later (Samsara's {@code parentTagIds}); a ticked tag
 * without any counts alone. RigSync saves tag ids only, so a saved tag shows as "Tag &lt;id&gt;" until a test
 * connection reads the tags of the vehicles the token sees; a name once learnt stays while the screen is open.
 */
final class TagTree extends Div {

    private static final Comparator<TagChoice> BY_NAME = Comparator.comparing(TagChoice::label,
            String.CASE_INSENSITIVE_ORDER);

    private final TreeGrid<TagChoice> tree = new TreeGrid<>();
    private final Paragraph help = new Paragraph("Limit RigSync to vehicles with the ticked Samsara tags; tick none "
            + "for every vehicle the token sees. A ticked tag that has tags under it includes them all, also ones "
            + "added in Samsara later. Test connection reads the tags of those vehicles.");
    private final Map<String, TagChoice> known = new LinkedHashMap<>();
    /** Tags saved as "with everything under them", remembered until the tree shows their children. */
    private final Set<String> savedParents = new LinkedHashSet<>();

    TagTree() {
        addClassName("tag-tree");
        tree.addHierarchyColumn(TagChoice::label).setHeader("Samsara tags").setFlexGrow(1);
        tree.addColumn(this::includes).setHeader("Includes").setFlexGrow(2);
        tree.setSelectionMode(Grid.SelectionMode.MULTI);
        tree.setWidth("40em");
        tree.setMaxWidth("100%");
        help.addClassName("helper");
        help.getStyle().set("max-width", "40em");
        add(tree, help);
    }

    /** Shows the saved choice. */
    void show(List<String> savedTags, List<String> savedParentTags) {
        savedParents.clear();
        savedParents.addAll(savedParentTags);
        for (String id : concat(savedTags, savedParentTags)) {
            known.putIfAbsent(id, new TagChoice(id, null, null));
        }
        refresh(concat(savedTags, savedParentTags));
    }

    /** Offers the tags a test connection found, keeping what is ticked. */
    void offer(List<TagChoice> found) {
        List<String> ticked = tickedIds();
        for (TagChoice tag : found) {
            TagChoice before = known.get(tag.id());
            known.put(tag.id(), new TagChoice(tag.id(), tag.name() != null ? tag.name()
                    : before == null ? null : before.name(), tag.parentTagId() != null ? tag.parentTagId()
                    : before == null ? null : before.parentTagId()));
        }
        refresh(ticked);
    }

    /** The ticked tags, those with tags under them as parent tags. */
    TagFilter chosen() {
        List<String> alone = new ArrayList<>();
        List<String> withChildren = new ArrayList<>();
        for (String id : tickedIds()) {
            (hasChildren(id) || savedParents.contains(id) ? withChildren : alone).add(id);
        }
        return new TagFilter(alone, withChildren);
    }

    boolean anyChosen() {
        return !tree.getSelectedItems().isEmpty();
    }

    private void refresh(List<String> ticked) {
        List<TagChoice> roots = known.values().stream()
                .filter(t -> t.parentTagId() == null || !known.containsKey(t.parentTagId())).sorted(BY_NAME).toList();
        tree.setItems(roots, this::children);
        tree.expandRecursively(roots, 5);
        tree.asMultiSelect().clear();
        ticked.stream().map(known::get).filter(t -> t != null).forEach(tree.asMultiSelect()::select);
        if (known.size() <= 12) {
            tree.setAllRowsVisible(true);
        } else {
            tree.setAllRowsVisible(false);
            tree.setHeight("22rem");
        }
        tree.setVisible(!known.isEmpty());
    }

    private List<TagChoice> children(TagChoice parent) {
        return known.values().stream().filter(t -> parent.id().equals(t.parentTagId())).sorted(BY_NAME).toList();
    }

    private boolean hasChildren(String id) {
        return known.values().stream().anyMatch(t -> id.equals(t.parentTagId()));
    }

    private String includes(TagChoice tag) {
        List<TagChoice> under = children(tag);
        if (under.isEmpty()) {
            return savedParents.contains(tag.id()) ? "This tag and every tag under it" : "This tag";
        }
        return "This tag and the " + (under.size() == 1 ? "one" : under.size()) + " under it, now and later";
    }

    private List<String> tickedIds() {
        return tree.getSelectedItems().stream().map(TagChoice::id).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
