package com.rigsync.samsara;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Samsara calls of one caller (a sync run, a "test connection" click) with one {@link TokenSource}.
 * {@link #requestCount()} counts every HTTP request it sent, retries and the retry after a refreshed token included,
 * which is what sync runs report as "API calls". Thread-safe; lists are lazy and fetch pages as they are consumed.
 */
public final class SamsaraSession {

    /** Room left in a stats URL for {@code &after=<cursor>} when id batches are sized. */
    static final int CURSOR_RESERVE = 256;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final SamsaraHttp http;
    private final TokenSource tokens;
    private final int maxUrlLength;
    private final AtomicLong requests = new AtomicLong();
    private final Queue<ListCutShort> cutShort = new ConcurrentLinkedQueue<>();
    private final Instant deadline;
    /** The Samsara organisation the token belongs to, for the shared rate limits; null until known. */
    private final AtomicReference<String> organisation = new AtomicReference<>();

    SamsaraSession(SamsaraHttp http, TokenSource tokens, int maxUrlLength, String organisation) {
        this(http, tokens, maxUrlLength, null, organisation);
    }

    private SamsaraSession(SamsaraHttp http, TokenSource tokens, int maxUrlLength, Instant deadline,
            String organisation) {
        this.http = http;
        this.tokens = java.util.Objects.requireNonNull(tokens, "tokens");
        this.maxUrlLength = maxUrlLength;
        this.deadline = deadline;
        this.organisation.set(organisation);
    }

    /**
     * A session (with its own request count) whose calls all end by {@code deadline}: no request is sent after it,
     * none waits past it, and a retry whose back-off or Retry-After would end after it is not made; the call then
     * fails as it stands (a {@link NetworkException} when no answer came). For a caller with a time budget, such as
     * a sync run on a shared scheduler thread.
     */
    public SamsaraSession until(Instant deadline) {
        return new SamsaraSession(http, tokens, maxUrlLength, java.util.Objects.requireNonNull(deadline),
                organisation.get());
    }

    /** The lists this session ended early because Samsara gave no cursor for the more it announced, in order. */
    public List<ListCutShort> listsCutShort() {
        return List.copyOf(cutShort);
    }

    public long requestCount() {
        return requests.get();
    }

    /** {@code GET /me}: the organisation the token belongs to; the cheapest check that a token is live. */
    public Organization me() {
        JsonNode root = get(Endpoint.ME, url("me").build());
        JsonNode data = Json.object(root, "data");
        if (data == null) {
            throw new MalformedResponseException(ErrorDetails.noAnswer(Endpoint.ME), "the answer has no 'data'", null);
        }
        Organization org = Organization.parse(data);
        if (org.id() != null) {
            // from now on this session's calls count against the organisation's shared limits
            organisation.compareAndSet(null, org.id());
        }
        return org;
    }

    /** {@code GET /fleet/vehicles}, all pages, lazily. */
    public Stream<Vehicle> vehicles(VehicleQuery query) {
        return PageIterator.stream(Endpoint.VEHICLES, cursor -> {
            HttpUrl.Builder u = url("fleet", "vehicles").addQueryParameter("limit", Integer.toString(query.limit()));
            tagFilter(u, query.tagIds(), query.parentTagIds());
            if (query.updatedAfterTime() != null) {
                u.addQueryParameter("updatedAfterTime", query.updatedAfterTime().toString());
            }
            return after(u, cursor);
        }, u -> get(Endpoint.VEHICLES, u), cutShort::add).map(Vehicle::parse);
    }

    /** {@code GET /fleet/vehicles/{id}}; empty when Samsara knows no such vehicle. */
    public Optional<Vehicle> vehicle(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a Samsara vehicle id is needed");
        }
        return oneVehicle(id.trim());
    }

    /** {@code GET /fleet/vehicles/samsara.vin:<VIN>}: an exact VIN lookup in one call; empty when no vehicle has it. */
    public Optional<Vehicle> vehicleByVin(String vin) {
        if (vin == null || vin.isBlank()) {
            throw new IllegalArgumentException("a VIN is needed");
        }
        return oneVehicle("samsara.vin:" + vin.trim());
    }

    private Optional<Vehicle> oneVehicle(String idOrExternalId) {
        try {
            JsonNode root = get(Endpoint.VEHICLE, url("fleet", "vehicles").addPathSegment(idOrExternalId).build());
            JsonNode data = Json.object(root, "data");
            if (data == null) {
                throw new MalformedResponseException(ErrorDetails.noAnswer(Endpoint.VEHICLE),
                        "the answer has no 'data'", null);
            }
            return Optional.of(Vehicle.parse(data));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code GET /fleet/vehicles/stats}: the latest stats, merged per vehicle id (in the order Samsara first listed
     * them). Types are asked three at a time, id lists in batches that keep each URL under the limit, every page
     * followed. A vehicle that reported none of the types may still appear, with all stats null.
     */
    public Map<String, VehicleStats> stats(Set<StatType> types, StatsQuery query) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<StatType, Object>> readings = new LinkedHashMap<>();
        for (Set<StatType> group : StatType.groups(types)) {
            for (List<String> batch : batches(group, query)) {
                statsPages(Endpoint.VEHICLE_STATS, group, query, batch).forEachRemaining(item -> {
                    String id = Json.text(item, "id");
                    if (id == null) {
                        return;
                    }
                    String name = Json.text(item, "name");
                    if (name != null || !names.containsKey(id)) {
                        names.put(id, name);
                    }
                    StatParser.readLatest(item, group, readings.computeIfAbsent(id, k -> new EnumMap<>(StatType.class)));
                });
            }
        }
        Map<String, VehicleStats> out = new LinkedHashMap<>();
        readings.forEach((id, r) -> out.put(id, VehicleStats.of(id, names.get(id), r)));
        return out;
    }

    /**
     * {@code GET /fleet/vehicles/stats/feed}: one page per group of at most three types, each from that group's
     * cursor in {@code cursor} (null or {@link StatsFeedCursor#start()} to begin with the latest stats). Persist
     * {@link StatsFeedResult#nextCursor()}. Id lists must fit one URL (a feed has one cursor per group, not per
     * batch); for larger fleets read all vehicles, filtered by tags.
     */
    public StatsFeedResult statsFeed(Set<StatType> types, StatsFeedCursor cursor, StatsQuery query) {
        StatsFeedCursor from = cursor == null ? StatsFeedCursor.start() : cursor;
        List<StatsFeedPage> pages = new ArrayList<>();
        Map<String, String> next = new LinkedHashMap<>(from.cursorsByGroup());
        for (Set<StatType> group : StatType.groups(types)) {
            List<List<String>> batches = batches(group, query);
            if (batches.size() > 1) {
                throw new IllegalArgumentException("too many vehicle ids for one stats feed (" + query.vehicleIds().size()
                        + "); read all vehicles, filtered by tags, instead");
            }
            if (batches.isEmpty()) {
                continue;
            }
            List<String> ids = batches.getFirst();
            HttpUrl u = statsUrl(Endpoint.VEHICLE_STATS_FEED, group, query, ids, from.cursorFor(group).orElse(null));
            JsonNode root = get(Endpoint.VEHICLE_STATS_FEED, u);
            JsonNode data = root.get("data");
            if (data == null || !data.isArray()) {
                throw new MalformedResponseException(ErrorDetails.noAnswer(Endpoint.VEHICLE_STATS_FEED),
                        "the answer has no 'data' list", null);
            }
            List<VehicleStatsSeries> vehicles = new ArrayList<>(data.size());
            for (JsonNode item : data) {
                String id = Json.text(item, "id");
                if (id != null) {
                    Map<StatType, List<Object>> r = new EnumMap<>(StatType.class);
                    StatParser.readAll(item, group, r);
                    vehicles.add(VehicleStatsSeries.of(id, Json.text(item, "name"), r));
                }
            }
            JsonNode pagination = root.get("pagination");
            String endCursor = Json.text(pagination, "endCursor");
            boolean hasNextPage = Boolean.TRUE.equals(Json.bool(pagination, "hasNextPage"));
            String previous = from.cursorFor(group).orElse(null);
            if (hasNextPage && (endCursor == null || endCursor.isEmpty() || endCursor.equals(previous))) {
                // asking again with the same cursor would loop: keep what came, and the cursor we had
                cutShort.add(new ListCutShort(Endpoint.VEHICLE_STATS_FEED.listed(), vehicles.size()));
                hasNextPage = false;
                endCursor = previous;
            }
            if (endCursor != null && !endCursor.isEmpty()) {
                next.put(StatType.queryValue(group), endCursor);
            }
            pages.add(new StatsFeedPage(group, vehicles, endCursor, hasNextPage));
        }
        return new StatsFeedResult(pages, new StatsFeedCursor(next));
    }

    /** As {@link #statsFeed(Set, StatsFeedCursor, StatsQuery)}, with the cursor as stored by {@link StatsFeedCursor#encode()}. */
    public StatsFeedResult statsFeed(Set<StatType> types, String encodedCursorOrNull, StatsQuery query) {
        return statsFeed(types, StatsFeedCursor.decode(encodedCursorOrNull), query);
    }

    /** {@code GET /fleet/drivers}, all pages, lazily. */
    public Stream<Driver> drivers(DriverQuery query) {
        return PageIterator.stream(Endpoint.DRIVERS, cursor -> {
            HttpUrl.Builder u = url("fleet", "drivers").addQueryParameter("limit", Integer.toString(query.limit()))
                    .addQueryParameter("driverActivationStatus", query.activationStatus().queryValue);
            tagFilter(u, query.tagIds(), query.parentTagIds());
            return after(u, cursor);
        }, u -> get(Endpoint.DRIVERS, u), cutShort::add).map(Driver::parse);
    }

    /**
     * {@code POST /fleet/drivers/auth-token}: a short-lived login token for a driver. {@code code} is the caller's
     * random string of 12+ characters that the token is paired with. Never retried: a failure surfaces at once.
     */
    public DriverAuthToken issueDriverAuthToken(long driverId, String code) {
        if (code == null || code.length() < 12) {
            throw new IllegalArgumentException("the driver auth code must be a random string of at least 12 characters");
        }
        ObjectNode body = http.json.createObjectNode().put("code", code).put("driverId", driverId);
        JsonNode root = http.execute(new SamsaraHttp.Exchange(Endpoint.DRIVER_AUTH_TOKEN,
                url("fleet", "drivers", "auth-token").build(), RequestBody.create(http.json.writeValueAsString(body), JSON),
                tokens, null, requests, List.of(code), deadline, organisation.get()));
        JsonNode data = Json.object(root, "data");
        String token = Json.text(data, "token");
        Long expiration = Json.longValue(data, "expirationTime");
        if (token == null) {
            throw new MalformedResponseException(ErrorDetails.noAnswer(Endpoint.DRIVER_AUTH_TOKEN),
                    "the answer has no token", null);
        }
        return new DriverAuthToken(token, expiration == null ? null : Instant.ofEpochMilli(expiration));
    }

    @Override
    public String toString() {
        return "SamsaraSession[baseUrl=" + http.baseUrl + ", requests=" + requests.get() + "]";
    }

    // --- helpers

    private JsonNode get(Endpoint endpoint, HttpUrl u) {
        return http.execute(new SamsaraHttp.Exchange(endpoint, u, null, tokens, null, requests, List.of(),
                deadline, organisation.get()));
    }

    private HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder b = http.baseUrl.newBuilder();
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b;
    }

    private static HttpUrl after(HttpUrl.Builder u, String cursor) {
        if (cursor != null) {
            u.addQueryParameter("after", cursor);
        }
        return u.build();
    }

    private java.util.Iterator<JsonNode> statsPages(Endpoint endpoint, Set<StatType> group, StatsQuery query,
            List<String> ids) {
        Function<String, HttpUrl> urls = cursor -> statsUrl(endpoint, group, query, ids, cursor);
        return new PageIterator(endpoint, urls, u -> get(endpoint, u), cutShort::add);
    }

    private HttpUrl statsUrl(Endpoint endpoint, Set<StatType> group, StatsQuery query, List<String> ids,
            String cursor) {
        HttpUrl.Builder u = endpoint == Endpoint.VEHICLE_STATS_FEED
                ? url("fleet", "vehicles", "stats", "feed") : url("fleet", "vehicles", "stats");
        u.addEncodedQueryParameter("types", StatType.queryValue(group));
        tagFilter(u, query.tagIds(), query.parentTagIds());
        if (ids != null) {
            u.addEncodedQueryParameter("vehicleIds", joinEncoded(ids));
        }
        return after(u, cursor);
    }

    /**
     * Splits the query's ids into batches whose URL (with room for a cursor) stays within {@code maxUrlLength};
     * a single null batch means "all vehicles".
     */
    List<List<String>> batches(Set<StatType> group, StatsQuery query) {
        if (query.vehicleIds() == null) {
            java.util.ArrayList<List<String>> all = new java.util.ArrayList<>();
            all.add(null);
            return all;
        }
        if (query.vehicleIds().isEmpty()) {
            return List.of();
        }
        int fixed = statsUrl(Endpoint.VEHICLE_STATS_FEED, group, query, null, null).toString().length()
                + "&vehicleIds=".length() + CURSOR_RESERVE;
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = fixed;
        for (String id : query.vehicleIds()) {
            int add = encode(id).length() + (current.isEmpty() ? 0 : 1);
            if (!current.isEmpty() && length + add > maxUrlLength) {
                batches.add(List.copyOf(current));
                current.clear();
                length = fixed;
                add = encode(id).length();
            }
            current.add(id);
            length += add;
        }
        batches.add(List.copyOf(current));
        return batches;
    }

    private static void tagFilter(HttpUrl.Builder u, List<String> tagIds, List<String> parentTagIds) {
        if (!tagIds.isEmpty()) {
            u.addEncodedQueryParameter("tagIds", joinEncoded(tagIds));
        }
        if (!parentTagIds.isEmpty()) {
            u.addEncodedQueryParameter("parentTagIds", joinEncoded(parentTagIds));
        }
    }

    private static String joinEncoded(List<String> values) {
        StringBuilder s = new StringBuilder();
        for (String v : values) {
            if (!s.isEmpty()) {
                s.append(',');
            }
            s.append(encode(v));
        }
        return s.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value.trim(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
