package com.rigsync.samsara;

/** 5xx after the retries ran out. */
public final class SamsaraUnavailableException extends SamsaraException {

    SamsaraUnavailableException(ErrorDetails details) {
        super(details, "Samsara answered with a server error", null);
    }

    @Override
    public String userMessage() {
        return withSamsaraMessage("Samsara is not available at the moment. Nothing needs changing here: "
                + "RigSync will try again later. Check status.samsara.com if it lasts.");
    }
}
