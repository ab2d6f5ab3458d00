package com.rigsync.samsara;

/** 404: Samsara knows no such id. */
public final class NotFoundException extends SamsaraException {

    NotFoundException(ErrorDetails details) {
        super(details, "not found", null);
    }

    @Override
    public String userMessage() {
        return withSamsaraMessage("Samsara does not know this item. Check the Samsara ID or VIN and try again.");
    }
}
