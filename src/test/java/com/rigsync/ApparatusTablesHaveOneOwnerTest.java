package com.rigsync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the apparatus feature reads and writes its tables (ARCHITECTURE.md): other features go through its API
 * ({@code ApparatusSyncWriter}, {@code MeterHistory}, {@code SamsaraVehicleList} and the services). ArchUnit cannot
 * read SQL, so this reads the sources.
 */
class ApparatusTablesHaveOneOwnerTest {

    private static final Path MAIN = Path.of("src/main/java/com/rigsync");
    private static final Pattern APPARATUS_TABLE_IN_SQL = Pattern.compile(
            "(?i)\\b(from|join|into|update|table)\\s+(apparatus|apparatus_telemetry|meter_reading|samsara_vehicle"
                    + "|apparatus_grid_columns)\\b");

    @Test
    void noOtherFeatureMentionsTheApparatusTablesInSql() throws IOException {
        List<String> offenders;
        try (Stream<Path> sources = Files.walk(MAIN)) {
            offenders = sources
                    .filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !path.startsWith(MAIN.resolve("apparatus")))
                    .filter(ApparatusTablesHaveOneOwnerTest::mentionsAnApparatusTable)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).as("classes outside the apparatus feature with SQL on its tables").isEmpty();
    }

    @Test
    void theCheckRecognisesSqlOnTheApparatusTables() {
        assertThat(APPARATUS_TABLE_IN_SQL.matcher("select id from apparatus where department_id = ?").find()).isTrue();
        assertThat(APPARATUS_TABLE_IN_SQL.matcher("left join apparatus_telemetry t on").find()).isTrue();
        assertThat(APPARATUS_TABLE_IN_SQL.matcher("insert ignore into meter_reading (").find()).isTrue();
        assertThat(APPARATUS_TABLE_IN_SQL.matcher("delete from apparatus_grid_columns where").find()).isTrue();
        assertThat(APPARATUS_TABLE_IN_SQL.matcher("the apparatus' telemetry, from the sync").find()).isFalse();
    }

    private static boolean mentionsAnApparatusTable(Path source) {
        try {
            return APPARATUS_TABLE_IN_SQL.matcher(Files.readString(source)).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
