package com.rigsync.integration;

/** A Samsara region (or an operator's Samsara-compatible base URL) as the Settings screen offers it. */
public record Region(String key, String label) {
}
