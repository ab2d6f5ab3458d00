package com.rigsync.integration;

/** How a department connects to Samsara: one kind at a time. */
public enum AuthKind {
    API_TOKEN, OAUTH
}
