package com.rigsync.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Reads the app's own /actuator/prometheus over loopback as the demo's management account, as a scraper would. */
public final class Prometheus {

    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "rigsync-demo-operator";

    private Prometheus() {
    }

    public static HttpResponse<String> get(int port, String path, String username, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String scrape(int port) {
        HttpResponse<String> response = get(port, "/actuator/prometheus", OPERATOR, OPERATOR_PASSWORD);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("scrape answered " + response.statusCode());
        }
        return response.body();
    }

    /** The sum of every sample of {@code metric} whose labels include all of {@code labels}; 0 when none. */
    public static double sum(String scrape, String metric, Map<String, String> labels) {
        double total = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(metric + "{") || line.startsWith(metric + " "))) {
                continue;
            }
            boolean all = labels.entrySet().stream()
                    .allMatch(e -> line.contains(e.getKey() + "=\"" + e.getValue() + "\""));
            if (all) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
