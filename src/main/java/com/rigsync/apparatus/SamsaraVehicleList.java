package com.rigsync.apparatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import com.rigsync.integration.ConnectedSamsara;
import com.rigsync.samsara.SamsaraException;
import com.rigsync.samsara.ListCutShort;
import com.rigsync.samsara.SamsaraSession;
import com.rigsync.samsara.Tag;
import com.rigsync.samsara.Vehicle;
import com.rigsync.samsara.VehicleQuery;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way RigSync lists a department's Samsara vehicles and keeps its vehicle cache: every page, with the
 * department's tag filter, then the cache replaced by the complete list in a transaction of its own (VIN lookups see
 * the old list or the new one, never half of each). Both the lookup's refresh and every sync run use it.
 * <p>
 * Takes the department as a parameter and checks no role: callers are the lookup (which takes the department from
 * the signed-in user) and the background sync. ArchitectureTest keeps screens away from it.
 */
@Component
public class SamsaraVehicleList {

    private final CachedSamsaraVehicles cache;
    private final TransactionTemplate ownTransaction;

    SamsaraVehicleList(CachedSamsaraVehicles cache, PlatformTransactionManager transactions) {
        this.cache = cache;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Lists the vehicles the connection sees, holding no transaction while Samsara answers, then replaces the cache.
     * A failed list throws and leaves the cache as it was.
     *
     * @param pagesListed told how many list requests were made so far, after each full page
     * @return the listed vehicles by Samsara ID, in Samsara's order
     */
    public Map<String, Vehicle> listAndCache(long departmentId, ConnectedSamsara connection, IntConsumer pagesListed)
            throws SamsaraException {
        SamsaraSession samsara = connection.samsara();
        Map<String, Vehicle> vehicles = new LinkedHashMap<>();
        long before = samsara.requestCount();
        samsara.vehicles(VehicleQuery.all().withTags(connection.tags())).forEach(v -> {
            if (v.id() != null) {
                vehicles.put(v.id(), v);
            }
            if (vehicles.size() % VehicleQuery.MAX_LIMIT == 0) {
                pagesListed.accept((int) (samsara.requestCount() - before));
            }
        });
        List<CachedSamsaraVehicle> listed = vehicles.values().stream().map(SamsaraVehicleList::cached).toList();
        // a list Samsara ended early (no cursor for the rest) adds and refreshes what came but deletes nothing
        boolean whole = samsara.listsCutShort().stream().noneMatch(ListCutShort::ofVehicles);
        ownTransaction.executeWithoutResult(status -> {
            if (whole) {
                cache.replace(departmentId, listed);
            } else {
                cache.upsert(departmentId, listed);
            }
        });
        return vehicles;
    }

    private static CachedSamsaraVehicle cached(Vehicle v) {
        return new CachedSamsaraVehicle(v.id(), v.name(), v.vin(), v.make(), v.model(), v.modelYear().orElse(null),
                v.licensePlate(), v.tags().stream().map(Tag::id).toList(), v.updatedAtTime());
    }
}
