package com.rigsync.apparatus;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.rigsync.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static com.rigsync.apparatus.ApparatusService.READERS;

/**
 * Which apparatus grid columns each person chose, kept for them across sign-ins: always the signed-in person's own
 * choice (their user id), never anyone else's. The keys are the grid's own; what is stored is bounded, and the grid
 * ignores keys it no longer knows.
 */
@Service
public class ColumnChoices {

    /** More columns than the grid will ever have. */
    static final int MAX_KEYS = 30;
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,29}");

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    ColumnChoices(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The signed-in person's choice, if they made one. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public Optional<ColumnChoice> mine() {
        return jdbc.query("select shown_columns, hidden_columns from apparatus_grid_columns where user_id = ?",
                (rs, row) -> new ColumnChoice(keys(rs.getString(1)), keys(rs.getString(2))),
                currentUser.require().userId()).stream().findFirst();
    }

    /** Keeps the signed-in person's choice (keys that cannot be column keys are left out). */
    @Transactional
    @PreAuthorize(READERS)
    public void keep(ColumnChoice choice) {
        jdbc.update("""
                insert into apparatus_grid_columns (user_id, shown_columns, hidden_columns, updated_at)
                values (?, ?, ?, ?)
                on duplicate key update shown_columns = values(shown_columns),
                    hidden_columns = values(hidden_columns), updated_at = values(updated_at)""",
                currentUser.require().userId(), String.join(",", valid(choice.shown())),
                String.join(",", valid(choice.hidden())), LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** Back to the role's defaults. */
    @Transactional
    @PreAuthorize(READERS)
    public void reset() {
        jdbc.update("delete from apparatus_grid_columns where user_id = ?", currentUser.require().userId());
    }

    private static Set<String> valid(List<String> keys) {
        Set<String> valid = new LinkedHashSet<>();
        for (String key : keys) {
            if (key != null && KEY.matcher(key).matches() && valid.size() < MAX_KEYS) {
                valid.add(key);
            }
        }
        return valid;
    }

    private static List<String> keys(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.stream(stored.split(",")).toList();
    }
}
