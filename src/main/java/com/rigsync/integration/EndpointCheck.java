package com.rigsync.integration;

/** One Samsara endpoint's result in a connection test: what was tried, whether it worked, and what it said. */
public record EndpointCheck(String name, Outcome outcome, String message) {

    public enum Outcome { OK, FAILED, NOT_TRIED }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
