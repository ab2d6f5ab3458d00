/**
 * RigSync's Samsara HTTP client: no Spring, Vaadin or JPA in here.
 *
 * <p>Build one {@link com.rigsync.samsara.SamsaraClient} per application (base URL, timeouts, retries, clock,
 * sleeper, throttle) and open a {@link com.rigsync.samsara.SamsaraSession} per caller with a
 * {@link com.rigsync.samsara.TokenSource}; the session counts the HTTP requests it made. GETs are retried on 408,
 * 429, 5xx, timeouts and resets (honouring a decimal or HTTP-date {@code Retry-After}); POSTs never are. Every
 * failure is a {@link com.rigsync.samsara.SamsaraException} whose {@code userMessage()} tells an administrator what
 * to do; no message, log line or {@code toString()} holds a token or secret.
 *
 * <p>Stats calls take at most three types: larger sets are split into groups ({@link
 * com.rigsync.samsara.StatType#groups}); the snapshot merges them per vehicle, the feed keeps one cursor per group
 * in a {@link com.rigsync.samsara.StatsFeedCursor}.
 */
package com.rigsync.samsara;
