package com.rigsync.demo.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls to a simulated Samsara for the simulator's own tests: what any Samsara client would send. Once
 * the project's client lands, tests of the simulator through that client sit beside these.
 */
final class SamsaraHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder().followRedirects(false).build();

    record Answer(int status, Headers headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    private final String baseUrl;

    SamsaraHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer get(String pathAndQuery, String token) {
        var request = new Request.Builder().url(baseUrl + pathAndQuery);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return call(request.build());
    }

    Answer getPage(String pathAndQuery) {
        return call(new Request.Builder().url(baseUrl + pathAndQuery).build());
    }

    Answer postJson(String path, String json, String token) {
        return call(new Request.Builder().url(baseUrl + path).header("Authorization", "Bearer " + token)
                .post(RequestBody.create(json, MediaType.get("application/json"))).build());
    }

    Answer postForm(String path, Map<String, String> form, String clientId, String clientSecret) {
        var body = new FormBody.Builder();
        form.forEach(body::add);
        var request = new Request.Builder().url(baseUrl + path).post(body.build());
        if (clientId != null) {
            request.header("Authorization", Credentials.basic(clientId, clientSecret));
        }
        return call(request.build());
    }

    private static Answer call(Request request) {
        try (Response response = CLIENT.newCall(request).execute()) {
            return new Answer(response.code(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
