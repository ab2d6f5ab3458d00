package com.rigsync.department;

import com.rigsync.people.OneTimePassword;

/** A department just created, with its first administrator's one-time password (shown once, then forgotten). */
public record NewDepartment(DepartmentSummary department, String administratorUsername,
                            OneTimePassword administratorPassword) {
}
