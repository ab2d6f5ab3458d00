package com.rigsync.alert;

/** How a person gets one kind of alert. */
public enum Delivery {
    RIGHT_AWAY("Right away"),
    DAILY_DIGEST("In a daily digest"),
    NONE("Not at all");

    private final String label;

    Delivery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
