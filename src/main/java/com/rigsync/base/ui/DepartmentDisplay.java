package com.rigsync.base.ui;

/**
 * Where views learn how the signed-in person's screens show times and distances. The department feature answers
 * it; views depend on this interface, so no feature needs the department feature just to format a date.
 */
public interface DepartmentDisplay {

    /** The signed-in person's display preferences; views ask once when attached. */
    DisplayPreferences display();
}
