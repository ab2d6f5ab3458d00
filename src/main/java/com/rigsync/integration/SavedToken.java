package com.rigsync.integration;

import java.time.Instant;

/** What the Settings screen may know of a saved token: its last four characters, who saved it and when. */
public record SavedToken(String last4, String savedBy, Instant savedAt) {
}
