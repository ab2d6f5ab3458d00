package com.rigsync.apparatus;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.rigsync.base.DistanceUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The apparatus CSV file: the grid's columns with the synced values in the department's units and time zone, written
 * safely for spreadsheets; read back (import) with its limits, taking only the columns people edit.
 */
final class ApparatusCsv {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 10_000;

    static final String ID = "RigSync id";
    static final String UNIT = "Unit";
    static final String TYPE = "Type";
    static final String STATION = "Station";
    static final String VIN = "VIN";
    static final String MAKE = "Make";
    static final String MODEL = "Model";
    static final String YEAR = "Year";
    static final String PLATE = "Plate";
    static final String STATUS = "Status";
    static final String STATUS_REASON = "Status reason";
    static final String SAMSARA_ID = "Samsara ID";

    /** The columns import reads: what people edit. Every other column of an exported file is ignored. */
    static final List<String> IMPORTED = List.of(ID, UNIT, TYPE, STATION, VIN, MAKE, MODEL, YEAR, PLATE, STATUS,
            STATUS_REASON, SAMSARA_ID);
    static final List<String> REQUIRED = List.of(UNIT, TYPE, STATUS);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private ApparatusCsv() {
    }

    /**
     * The exported columns: what import reads, then the link and the synced values, with the department's units and
     * time zone in the headers, such as "Odometer (km)" and "Last reading (America/Chicago)".
     */
    static List<String> header(DistanceUnit units, ZoneId zone) {
        List<String> header = new ArrayList<>(IMPORTED);
        header.addAll(List.of("Link state", "Odometer (" + units.symbol() + ")", "Engine hours", "Fuel (%)",
                "Engine state", "Active fault codes", "Warning lamps", "Fault codes", "Address", "Latitude",
                "Longitude", "Last reading (" + zone.getId() + ")", "Last synced (" + zone.getId() + ")"));
        return header;
    }

    /** Writes the rows the callback hands over, header first, as UTF-8 without BOM. */
    static byte[] write(DistanceUnit units, ZoneId zone, Consumer<Consumer<ApparatusRow>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(header(units, zone));
            rows.accept(row -> {
                try {
                    printer.printRecord(cells(row, units, zone).stream().map(ApparatusCsv::neutralise).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> cells(ApparatusRow row, DistanceUnit units, ZoneId zone) {
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(row.getId()));
        cells.add(row.getUnitName());
        cells.add(row.getType().label());
        cells.add(row.getStation());
        cells.add(row.getVin());
        cells.add(row.getMake());
        cells.add(row.getModel());
        cells.add(row.getModelYear() == null ? null : row.getModelYear().toString());
        cells.add(row.getPlate());
        cells.add(row.getStatus().label());
        cells.add(row.getStatusReason());
        cells.add(row.getSamsaraVehicleId());
        cells.add(row.linkState());
        cells.add(row.getOdometerMeters() == null ? null
                : Long.toString(Math.round(units.fromMetres(row.getOdometerMeters()))));
        cells.add(row.getEngineSeconds() == null ? null
                : String.format(Locale.ROOT, "%.1f", row.getEngineSeconds() / 3600.0));
        cells.add(row.getFuelPercent() == null ? null : row.getFuelPercent().stripTrailingZeros().toPlainString());
        cells.add(row.getEngineState());
        cells.add(row.getActiveFaultCount() == null ? null : row.getActiveFaultCount().toString());
        cells.add(row.getWarningLamps());
        cells.add(row.getFaultSummary());
        cells.add(row.getAddress());
        cells.add(row.getLatitude() == null ? null : BigDecimal.valueOf(row.getLatitude()).toPlainString());
        cells.add(row.getLongitude() == null ? null : BigDecimal.valueOf(row.getLongitude()).toPlainString());
        cells.add(time(row.getReadAt(), zone));
        cells.add(time(row.getSyncedAt(), zone));
        return cells;
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? null : TIME.format(instant.atZone(zone));
    }

    /**
     * A cell a spreadsheet would run as a formula gets a leading quote; import takes it off again. A plain number
     * (a negative longitude) is no formula and stays a number.
     */
    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty() || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    static String unneutralise(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'') {
            char next = cell.charAt(1);
            if (next == '=' || next == '+' || next == '-' || next == '@' || next == '\t' || next == '\r') {
                return cell.substring(1);
            }
        }
        return cell;
    }

    /** One data row of an imported file: its row number as a spreadsheet shows it (the header is row 1), and its
     * cells by (known) column name. */
    record Line(int number, Map<String, String> cells) {

        boolean has(String column) {
            return cells.containsKey(column);
        }

        /** The cell, trimmed, with a neutralising quote taken off; null when empty or the column is absent. */
        String get(String column) {
            String value = unneutralise(cells.get(column));
            if (value == null) {
                return null;
            }
            value = value.strip();
            return value.isEmpty() ? null : value;
        }
    }

    /** Reads an uploaded file, refusing (with the reason) what is too big, not CSV or lacks required columns. */
    static List<Line> read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new ApparatusRefusedException(null, "The file is larger than 5 MB. Split it into smaller files "
                    + "and import them one after the other.");
        }
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new ApparatusRefusedException(null, "The file is empty. Export the grid to get a file with the "
                    + "right columns.");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
                .setIgnoreEmptyLines(true).setTrim(false).get();
        List<Line> lines = new ArrayList<>();
        try (Reader reader = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, String> known = new LinkedHashMap<>();
            for (String name : parser.getHeaderNames()) {
                String column = IMPORTED.stream().filter(h -> h.equalsIgnoreCase(name == null ? "" : name.strip()))
                        .findFirst().orElse(null);
                if (column != null) {
                    known.put(name, column);
                }
            }
            Set<String> present = Set.copyOf(known.values());
            List<String> missing = REQUIRED.stream().filter(r -> !present.contains(r)).toList();
            if (!missing.isEmpty()) {
                throw new ApparatusRefusedException(null, "The file has no " + String.join(", ", missing)
                        + " column" + (missing.size() > 1 ? "s" : "") + ". The first line must name the columns "
                        + "as the export does (" + String.join(", ", REQUIRED) + " are required); export the grid "
                        + "to get a file with the right columns.");
            }
            int row = 1;
            for (CSVRecord record : parser) {
                row++;
                if (lines.size() >= MAX_ROWS) {
                    throw new ApparatusRefusedException(null, "The file has more than 10,000 rows. Split it into "
                            + "smaller files and import them one after the other.");
                }
                Map<String, String> cells = new LinkedHashMap<>();
                known.forEach((name, column) -> {
                    if (record.isSet(name)) {
                        cells.put(column, record.get(name));
                    }
                });
                if (cells.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                lines.add(new Line(row, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ApparatusRefusedException(null, "This file cannot be read as CSV (" + firstLine(e)
                    + "). Save it from your spreadsheet as \"CSV UTF-8\" and try again.");
        }
        return lines;
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new CharacterCodingException();
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ApparatusRefusedException(null, "This is not a CSV text file in UTF-8. Save it from your "
                    + "spreadsheet as \"CSV UTF-8\" and try again.");
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
