package com.rigsync.alert;

/**
 * A condition found now that should have an open alert.
 *
 * @param subject     what it is about within the kind, part of the unique key ("connection", an apparatus id with
 *                    its lamp codes)
 * @param subjectName what it is about in words ("Engine 2", "Samsara connection")
 * @param fixPath     the app's path of the screen where it is fixed
 */
record Condition(AlertKind kind, String subject, String subjectName, String detail, String fixPath) {

    String openKey(long departmentId) {
        String key = departmentId + ":" + kind + ":" + subject;
        // the column holds 200 characters; a long lamp-code list keeps its start and a hash of the whole
        return key.length() <= 200 ? key : key.substring(0, 180) + "#" + Integer.toHexString(key.hashCode());
    }
}
