package com.rigsync.demo.simulator;

/** A request Samsara refuses with 400; the message is what the error body says. */
final class BadRequest extends RuntimeException {

    BadRequest(String message) {
        super(message, null, false, false);
    }
}
