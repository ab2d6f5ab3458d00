package com.rigsync.sync.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** The small pieces the panel's sections are made of; each has an id, for tests and for people's bookmarks. */
final class PanelParts {

    private PanelParts() {
    }

    static Div note(String id, String kind, String text) {
        Div note = new Div(new Span(text));
        note.setId(id);
        note.addClassName("note");
        if (kind != null) {
            note.addClassName(kind);
        }
        return note;
    }

    static Paragraph paragraph(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId(id);
        return paragraph;
    }
}
