package com.rigsync.samsara;

/** What an exception reports about a failed call; messages are already free of secrets. */
record ErrorDetails(String endpoint, Integer httpStatus, String samsaraMessage, String requestId) {

    static ErrorDetails noAnswer(Endpoint endpoint) {
        return new ErrorDetails(endpoint.label(), null, null, null);
    }
}
