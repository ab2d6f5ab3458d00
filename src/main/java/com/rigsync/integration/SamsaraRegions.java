package com.rigsync.integration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.rigsync.samsara.SamsaraClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The regions a department can choose: US and EU, the simulated Samsara in the demo, and the operator's
 * {@code RIGSYNC_SAMSARA_BASE_URLS}. The database stores a region's key, never its URL, so moving a proxy or the demo's
 * port needs no data change. An invalid operator entry refuses start-up with the reason.
 */
@Component
class SamsaraRegions {

    static final String US = "us";
    static final String EU = "eu";
    static final String SIMULATED = "simulated";

    private record Entry(Region region, Supplier<String> baseUrl) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Registered at run time by tests (a loopback simulator per test JVM); never by production code. */
    private final Map<String, Entry> registered = new ConcurrentHashMap<>();

    SamsaraRegions(Environment environment, @Value("${rigsync.samsara.base-urls:}") String configured) {
        add(US, "US (api.samsara.com)", SamsaraClient.US_BASE_URL);
        add(EU, "EU (api.eu.samsara.com)", SamsaraClient.EU_BASE_URL);
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            // the simulator is served by this app itself (the port is known only once the web server runs), or, on a
            // second demo instance, by the first one, so both sync against the same simulated organisation
            String first = environment.getProperty("rigsync.demo.first-instance", "").strip();
            entries.put(SIMULATED, new Entry(new Region(SIMULATED, "Simulated Samsara (demo)"),
                    () -> (first.isEmpty() ? "http://localhost:" + environment.getProperty("local.server.port",
                            environment.getProperty("server.port", "8080")) : stripSlash(first))
                            + "/simulated-samsara"));
        }
        for (Map.Entry<String, String> e : parse(configured).entrySet()) {
            String key = keyOf(e.getKey());
            if (entries.containsKey(key)) {
                throw new IllegalStateException("RIGSYNC_SAMSARA_BASE_URLS: the label '" + e.getKey()
                        + "' clashes with another region; choose another label.");
            }
            add(key, e.getKey(), e.getValue());
        }
    }

    private void add(String key, String label, String url) {
        entries.put(key, new Entry(new Region(key, label), () -> url));
    }

    /** Every region in the order offered. */
    List<Region> all() {
        List<Region> regions = new ArrayList<>();
        entries.values().forEach(e -> regions.add(e.region()));
        registered.values().forEach(e -> regions.add(e.region()));
        return regions;
    }

    boolean exists(String key) {
        return key != null && (entries.containsKey(key) || registered.containsKey(key));
    }

    Optional<Region> find(String key) {
        return Optional.ofNullable(entry(key)).map(Entry::region);
    }

    /** The base URL of a region; refuses an unknown key (for example an operator's entry that was removed). */
    String baseUrl(String key) {
        Entry entry = entry(key);
        if (entry == null) {
            throw new IllegalArgumentException("The region '" + key + "' is no longer offered. Choose a region and "
                    + "save the settings again.");
        }
        return entry.baseUrl().get();
    }

    private Entry entry(String key) {
        if (key == null) {
            return null;
        }
        Entry entry = entries.get(key);
        return entry != null ? entry : registered.get(key);
    }

    /** For tests: a region that points at a loopback fake, added to the running application. */
    void register(String key, String label, String baseUrl) {
        checkUrl(label, baseUrl);
        registered.put(key, new Entry(new Region(key, label), () -> baseUrl));
    }

    /**
     * Parses {@code Label=URL,Label=URL}: https, or http only on localhost/127.0.0.1; no query or fragment. The
     * messages name the entry by its label so an operator finds it.
     */
    static Map<String, String> parse(String configured) {
        Map<String, String> out = new LinkedHashMap<>();
        if (configured == null || configured.isBlank()) {
            return out;
        }
        for (String raw : configured.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new IllegalStateException("RIGSYNC_SAMSARA_BASE_URLS: '" + item + "' is not a Label=URL entry "
                        + "(for example: Samsara via proxy=https://samsara-proxy.example.org).");
            }
            String label = item.substring(0, eq).trim();
            String url = item.substring(eq + 1).trim();
            if (keyOf(label).isEmpty()) {
                throw new IllegalStateException("RIGSYNC_SAMSARA_BASE_URLS: the label of '" + item
                        + "' needs letters or digits.");
            }
            checkUrl(label, url);
            if (out.putIfAbsent(label, stripSlash(url)) != null) {
                throw new IllegalStateException("RIGSYNC_SAMSARA_BASE_URLS: the label '" + label + "' appears twice.");
            }
        }
        return out;
    }

    private static void checkUrl(String label, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("RIGSYNC_SAMSARA_BASE_URLS: the URL of '" + label + "' is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1");
        if (host.isEmpty() || !(scheme.equals("https") || (scheme.equals("http") && local))) {
            throw new IllegalStateException("RIGSYNC_SAMSARA_BASE_URLS: the URL of '" + label + "' must start with "
                    + "https:// (http:// is allowed only for localhost or 127.0.0.1).");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalStateException("RIGSYNC_SAMSARA_BASE_URLS: the URL of '" + label + "' must have no "
                    + "user name, query or fragment.");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The key a label is stored under: lower case letters and digits joined by dashes, at most 40 characters. */
    static String keyOf(String label) {
        String key = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return key.length() > 40 ? key.substring(0, 40) : key;
    }
}
