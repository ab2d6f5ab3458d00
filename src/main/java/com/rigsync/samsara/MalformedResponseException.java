package com.rigsync.samsara;

/** Samsara's answer could not be understood: bad JSON, a missing list, or a cursor that repeats. */
public final class MalformedResponseException extends SamsaraException {

    MalformedResponseException(ErrorDetails details, String technical, Throwable cause) {
        super(details, technical, cause);
    }

    @Override
    public String userMessage() {
        return "Samsara sent an answer RigSync could not read. Nothing was changed; RigSync will try again later. "
                + "If it keeps happening, report it to RigSync support with the time it happened.";
    }
}
