package com.rigsync.demo;

import com.rigsync.department.DepartmentSeeding;
import com.rigsync.people.AccountSeeding;
import com.rigsync.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's departments and users, created once: later starts find them and change nothing, so what a demo user
 * changed survives a restart.
 */
@Component
@Profile("demo")
@Order(0)
class DemoData implements ApplicationRunner {

    static final String SPRINGFIELD = "Springfield Fire Rescue";
    static final String SHELBYVILLE = "Shelbyville Fire Department";
    /** Every demo user's password; listed in the README. Only the demo profile ever uses it. */
    static final String DEMO_PASSWORD = "rigsync-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DepartmentSeeding departments;
    private final AccountSeeding accounts;

    DemoData(DepartmentSeeding departments, AccountSeeding accounts) {
        this.departments = departments;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        long springfield = departments.ensureDepartment(SPRINGFIELD, true);
        long shelbyville = departments.ensureDepartment(SHELBYVILLE, false);
        int created = 0;
        created += account("success", "Casey Success", Role.CLIENT_SUCCESS, null);
        created += account("admin", "Alex Admin", Role.ADMINISTRATOR, springfield);
        created += account("manager", "Morgan Manager", Role.DATA_MANAGER, springfield);
        created += account("member", "Max Member", Role.MEMBER, springfield);
        created += account("shelbyville-admin", "Sam Shelby", Role.ADMINISTRATOR, shelbyville);
        if (created > 0) {
            log.info("Demo: created {} demo users (see README: Demo users)", created);
        }
    }

    private int account(String username, String name, Role role, Long departmentId) {
        int created = accounts.ensureAccount(username, name, role, departmentId, DEMO_PASSWORD, false) ? 1 : 0;
        // example.org is reserved for examples (RFC 2606): demo mail can never reach a real person
        accounts.ensureEmail(username, username + "@example.org");
        return created;
    }
}
