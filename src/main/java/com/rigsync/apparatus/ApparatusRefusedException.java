package com.rigsync.apparatus;

/**
 * A change the department's rules do not allow, with a message that says what to do; {@link #field()} names the form
 * field it is about (a property of {@link ApparatusDetails}), or null.
 */
public class ApparatusRefusedException extends RuntimeException {

    private final String field;

    public ApparatusRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
