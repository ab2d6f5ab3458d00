package com.rigsync.base.ui;

import java.util.Optional;

/** What the frame shows of the signed-in person; the security feature answers it. */
public interface SignedInPerson {

    /** Who is signed in, as the frame names them ("Dana Reyes · Administrator"); empty when nobody is. */
    Optional<String> nameAndRole();

    /** Whether the person works in a department; Client Success staff do not, so a department's home is not theirs. */
    boolean belongsToDepartment();
}
