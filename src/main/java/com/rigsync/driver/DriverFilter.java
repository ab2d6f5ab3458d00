package com.rigsync.driver;

/** What Setup > Drivers shows: a text over name, username and external ids, and the activation status. */
public record DriverFilter(String text, Status status) {

    public enum Status {
        ACTIVE("Active"), DEACTIVATED("Deactivated"), ALL("Active and deactivated");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public DriverFilter {
        text = text == null ? "" : text.strip();
        status = status == null ? Status.ACTIVE : status;
    }

    public static DriverFilter activeDrivers() {
        return new DriverFilter("", Status.ACTIVE);
    }

    boolean accepts(SamsaraDriver driver) {
        boolean statusMatches = switch (status) {
            case ACTIVE -> driver.active();
            case DEACTIVATED -> !driver.active();
            case ALL -> true;
        };
        return statusMatches && (text.isEmpty() || driver.mentions(text.toLowerCase(java.util.Locale.ROOT)));
    }
}
