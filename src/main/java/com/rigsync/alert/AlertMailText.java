package com.rigsync.alert;

import com.rigsync.base.PublicBaseUrl;
import com.rigsync.people.Recipients.Recipient;
import org.springframework.stereotype.Component;

/** The words of alert mails: what happened, where it is fixed, why the reader got it and where to change that. */
@Component
class AlertMailText {

    record Mail(String subject, String body) {
    }

    private final PublicBaseUrl baseUrl;

    AlertMailText(PublicBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    Mail opened(Condition condition, Recipient person, Delivery delivery) {
        String subject = "RigSync alert: " + condition.kind().label() + " (" + condition.subjectName() + ")";
        String body = "Hello " + person.displayName() + ",\n\n"
                + condition.detail() + "\n\n"
                + "Fix it on " + condition.kind().fixedOn() + ": " + baseUrl.get() + condition.fixPath() + "\n\n"
                + "You will hear once more when it is resolved, not before.\n\n"
                + why(condition.kind(), person, delivery);
        return new Mail(subject, body);
    }

    String resolvedSubject(Condition condition) {
        return "Resolved: " + condition.kind().label() + " (" + condition.subjectName() + ")";
    }

    String resolvedBody(Condition condition) {
        return "This RigSync alert is resolved: the condition has ended.\n\n"
                + condition.detail() + "\n\n"
                + "All alerts: " + baseUrl.get() + "/alerts\n";
    }

    String why(AlertKind kind, Recipient person, Delivery delivery) {
        return "-- \nYou get this because you are " + article(person.role().label()) + " in RigSync and \""
                + kind.label() + "\" alerts are set to \"" + delivery.label() + "\" for you. Change that under "
                + "Alert settings: " + baseUrl.get() + "/alerts/settings\n";
    }

    private static String article(String role) {
        return ("AEIOU".indexOf(Character.toUpperCase(role.charAt(0))) >= 0 ? "an " : "a ") + role.toLowerCase();
    }
}
