package com.rigsync.apparatus.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.DescriptionList;

/** Labelled facts as a description list, each value with an id ("apparatus-fact-samsara-id") for tests and links. */
final class ApparatusFacts {

    private ApparatusFacts() {
    }

    /** Label and value pairs; a missing value reads "Not recorded", never "null". */
    static DescriptionList of(String... labelsAndValues) {
        DescriptionList list = new DescriptionList();
        list.addClassName("apparatus-facts");
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            String label = labelsAndValues[i];
            String value = labelsAndValues[i + 1];
            DescriptionList.Description description = new DescriptionList.Description(
                    value == null || value.isBlank() ? "Not recorded" : value);
            description.setId("apparatus-fact-" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
            list.add(new DescriptionList.Term(label), description);
        }
        return list;
    }
}
