package com.rigsync.apparatus;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

/** Test data written straight to the database, with names and VINs no other test uses. */
final class ApparatusFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final JdbcTemplate jdbc;
    private final CachedSamsaraVehicles vehicleCache;

    ApparatusFixtures(JdbcTemplate jdbc, CachedSamsaraVehicles vehicleCache) {
        this.jdbc = jdbc;
        this.vehicleCache = vehicleCache;
    }

    long springfield() {
        return department("Springfield Fire Rescue");
    }

    long shelbyville() {
        return department("Shelbyville Fire Department");
    }

    long department(String name) {
        return jdbc.queryForObject("select id from department where name = ?", Long.class, name);
    }

    /** A unit name no other test uses, such as "Test Engine 1234-7". */
    static String uniqueUnit(String prefix) {
        return prefix + " " + ThreadLocalRandom.current().nextInt(1000, 10_000) + "-" + SEQUENCE.incrementAndGet();
    }

    /** A 17-character VIN no other test uses; starts with 9 (not North American: no check-digit verdict). */
    static String uniqueVin() {
        StringBuilder vin = new StringBuilder("9XT0");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (vin.length() < 17) {
            vin.append(random.nextInt(10));
        }
        return vin.toString();
    }

    static String uniqueSamsaraId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    long insert(long departmentId, String unit, String vin, String samsaraId) {
        jdbc.update("""
                insert into apparatus (department_id, unit_name, type, station, vin, vin_normalized, status,
                    samsara_vehicle_id, link_flag, version, updated_by, updated_at)
                values (?, ?, 'ENGINE', 'Station 9', ?, ?, 'IN_SERVICE', ?, 'NONE', 0, 'Test Setup', now())""",
                departmentId, unit, vin, vin, samsaraId);
        return jdbc.queryForObject("select id from apparatus where department_id = ? and unit_name = ?", Long.class,
                departmentId, unit);
    }

    void cacheVehicle(long departmentId, String samsaraId, String name, String vin) {
        vehicleCache.upsert(departmentId, List.of(new CachedSamsaraVehicle(samsaraId, name, vin, "Pierce", "Enforcer",
                2020, "T 1", List.of(), Instant.parse("2025-01-01T00:00:00Z"))));
    }

    String column(long apparatusId, String column) {
        return jdbc.queryForObject("select " + column + " from apparatus where id = ?", String.class, apparatusId);
    }

    boolean exists(long apparatusId) {
        return jdbc.queryForObject("select count(*) from apparatus where id = ?", Integer.class, apparatusId) == 1;
    }

    List<String> auditActions(String target) {
        return jdbc.queryForList("select action from audit_event where target = ? order by id", String.class, target);
    }
}
