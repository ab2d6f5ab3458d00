package com.rigsync.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;

import com.rigsync.demo.simulator.SimulatedSamsara;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps how far the demo's simulated Samsara clock was moved forward in a file beside the demo database, so a
 * restarted demo does not run the simulator's time backwards: the feed cursors and readings the database kept from
 * the moved clock would otherwise lie in the simulator's future, and syncs would bring nothing until it caught up.
 */
final class SimulatorClockFile {

    private static final Logger log = LoggerFactory.getLogger(SimulatorClockFile.class);

    private final Path file;

    SimulatorClockFile(Path file) {
        this.file = file;
    }

    /** Moves {@code samsara}'s clock to where it was, and writes each later move down. */
    void keep(SimulatedSamsara samsara) {
        Duration kept = read();
        if (kept.isPositive()) {
            samsara.advanceClock(kept);
            log.info("simulated Samsara: its clock runs {} ahead, as before the restart ({})", kept, file);
        }
        samsara.whenClockMoves(this::write);
    }

    Duration read() {
        if (!Files.isRegularFile(file)) {
            return Duration.ZERO;
        }
        try {
            Duration offset = Duration.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
            return offset.isNegative() ? Duration.ZERO : offset;
        } catch (IOException | DateTimeParseException e) {
            log.warn("simulated Samsara: could not read its clock from {}; it starts from now", file, e);
            return Duration.ZERO;
        }
    }

    private void write(Duration offset) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(next, offset.toString(), StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("simulated Samsara: could not keep its clock in {}; after a restart it starts from now", file, e);
        }
    }
}
