package com.rigsync.apparatus;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApparatusRepository extends JpaRepository<Apparatus, Long> {

    long countByDepartmentId(long departmentId);

    Optional<Apparatus> findByIdAndDepartmentId(long id, long departmentId);

    List<Apparatus> findByDepartmentIdAndIdIn(long departmentId, Collection<Long> ids);

    List<Apparatus> findByDepartmentId(long departmentId);

    /** Unit names compare as the database does (case-insensitive collation), like the unique index. */
    Optional<Apparatus> findByDepartmentIdAndUnitName(long departmentId, String unitName);

    Optional<Apparatus> findByDepartmentIdAndSamsaraVehicleId(long departmentId, String samsaraVehicleId);

    boolean existsByDepartmentId(long departmentId);

    @Query("""
            select new com.rigsync.apparatus.MatchableApparatus(a.id, a.unitName, a.vin, a.vinNormalized,
                a.samsaraVehicleId)
            from Apparatus a where a.departmentId = :departmentId""")
    List<MatchableApparatus> matchableOf(@Param("departmentId") long departmentId);

    @Query("""
            select distinct a.station from Apparatus a
            where a.departmentId = :departmentId and a.station is not null
            order by a.station""")
    List<String> stationsOf(@Param("departmentId") long departmentId);
}
