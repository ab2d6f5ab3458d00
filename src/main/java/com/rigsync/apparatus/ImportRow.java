package com.rigsync.apparatus;

/** What importing one line of a CSV file would do; {@code detail} lists the changes or says what is wrong. */
public record ImportRow(int line, String unitName, ImportOutcome outcome, String detail) {
}
