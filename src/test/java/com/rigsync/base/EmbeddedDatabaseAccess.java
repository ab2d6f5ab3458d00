package com.rigsync.base;

import java.io.File;

import ch.vorburger.exec.ManagedProcessException;

/** Lets tests stop and start the suite's embedded MariaDB, as a database restart would. */
public final class EmbeddedDatabaseAccess {

    private EmbeddedDatabaseAccess() {
    }

    public static void stop(String dataDir) throws ManagedProcessException {
        EmbeddedMariaDb.stop(new File(dataDir));
    }

    public static void startAgain(String dataDir) throws ManagedProcessException {
        EmbeddedMariaDb.startAgain(new File(dataDir));
    }
}
