package com.rigsync.samsara;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.json.JsonMapper;

/**
 * RigSync's Samsara HTTP client: one shared OkHttp client, settings from the builder, and a per-caller
 * {@link SamsaraSession} for each token source. Create one per application and share it; close it on shutdown.
 */
public final class SamsaraClient implements AutoCloseable {

    public static final String US_BASE_URL = "https://api.samsara.com";
    public static final String EU_BASE_URL = "https://api.eu.samsara.com";
    /** Samsara's token endpoint can take 20 s at p99. */
    public static final Duration MIN_TOKEN_ENDPOINT_TIMEOUT = Duration.ofSeconds(30);
    /** The API version every request asks for: the one Samsara's official SDKs pinned when this client was written. */
    public static final String API_VERSION = "2025-06-11";
    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final OkHttpClient http;
    private final SamsaraHttp calls;
    private final OAuthClient oauth;
    private final int maxUrlLength;

    private SamsaraClient(Builder b) {
        this.http = new OkHttpClient.Builder()
                .connectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(b.callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                // our own loop retries GETs only and counts every request; OkHttp must not resend a POST silently
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        OkHttpClient tokenEndpoint = http.newBuilder()
                .readTimeout(b.tokenEndpointTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(b.tokenEndpointTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(b.tokenEndpointTimeout.plus(b.connectTimeout).toMillis(), TimeUnit.MILLISECONDS)
                .build();
        Throttle throttle = b.throttle ? new Throttle(b.clock, b.sleeper) : null;
        this.calls = new SamsaraHttp(b.baseUrl, http, tokenEndpoint, JsonMapper.builder().build(), b.clock, b.sleeper,
                b.random, b.maxRetries, b.initialBackoff, b.maxBackoff, b.maxRetryAfter, throttle, b.observer, b.apiVersion);
        this.oauth = new OAuthClient(calls);
        this.maxUrlLength = b.maxUrlLength;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A session for one caller; its {@link SamsaraSession#requestCount()} counts that caller's HTTP requests. Its
     * calls count against the token's own limits, and against the organisation's shared limits once its
     * {@link SamsaraSession#me()} has named the organisation.
     */
    public SamsaraSession session(TokenSource tokens) {
        return new SamsaraSession(calls, tokens, maxUrlLength, null);
    }

    /**
     * A session for a token of a known Samsara organisation (its id from {@code GET /me} when the connection was
     * made): every call counts against the organisation's shared rate limits, whichever token makes it.
     */
    public SamsaraSession session(TokenSource tokens, String organisationId) {
        return new SamsaraSession(calls, tokens, maxUrlLength, organisationId);
    }

    /**
     * Whether Samsara answers at all, for health checks: a GET of {@code /me} without any token, within 5 s. Any
     * HTTP status (401 is the usual one) means reachable; empty means no answer (timeout, DNS, refused).
     */
    public OptionalInt reachability() {
        Request request = new Request.Builder().url(calls.baseUrl.newBuilder().addPathSegment("me").build()).get()
                .header("Accept", "application/json").build();
        OkHttpClient quick = http.newBuilder().callTimeout(5, TimeUnit.SECONDS).build();
        try (Response response = quick.newCall(request).execute()) {
            return OptionalInt.of(response.code());
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /** The OAuth token endpoints ({@code /oauth2/token}, {@code /oauth2/revoke}). */
    public OAuthClient oauth() {
        return oauth;
    }

    public HttpUrl baseUrl() {
        return calls.baseUrl;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "SamsaraClient[" + calls.baseUrl + "]";
    }

    public static final class Builder {
        private HttpUrl baseUrl = HttpUrl.get(US_BASE_URL);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private Duration tokenEndpointTimeout = Duration.ofSeconds(45);
        private int maxRetries = 4;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(20);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private RandomGenerator random = RandomGenerator.getDefault();
        private boolean throttle = true;
        private int maxUrlLength = 6000;
        private CallObserver observer = CallObserver.NONE;
        private String apiVersion = API_VERSION;

        private Builder() {
        }

        /** The {@code X-Samsara-Version} sent with every API request: a date such as {@value #API_VERSION}. */
        public Builder apiVersion(String version) {
            if (version == null || !VERSION.matcher(version).matches()) {
                throw new IllegalArgumentException("the Samsara API version is a date like " + API_VERSION);
            }
            this.apiVersion = version;
            return this;
        }

        /** Hears of every HTTP request (endpoint, status, time, retries); for the app's metrics. */
        public Builder observer(CallObserver o) {
            this.observer = Objects.requireNonNull(o);
            return this;
        }

        /** US, EU, or a Samsara-compatible fake; a path prefix (e.g. {@code /simulated-samsara}) is kept. */
        public Builder baseUrl(String url) {
            return baseUrl(HttpUrl.get(url));
        }

        public Builder baseUrl(HttpUrl url) {
            Objects.requireNonNull(url, "url");
            if (url.query() != null || url.fragment() != null) {
                throw new IllegalArgumentException("the Samsara base URL must have no query or fragment");
            }
            this.baseUrl = url;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        public Builder readTimeout(Duration d) {
            this.readTimeout = positive(d, "readTimeout");
            return this;
        }

        /** Whole-call limit for one request (not counting retries). */
        public Builder callTimeout(Duration d) {
            this.callTimeout = positive(d, "callTimeout");
            return this;
        }

        /** Read timeout for {@code /oauth2/token} and {@code /oauth2/revoke}; at least 30 s. */
        public Builder tokenEndpointTimeout(Duration d) {
            if (positive(d, "tokenEndpointTimeout").compareTo(MIN_TOKEN_ENDPOINT_TIMEOUT) < 0) {
                throw new IllegalArgumentException("the token endpoint needs at least 30 s (Samsara's p99 is 20 s)");
            }
            this.tokenEndpointTimeout = d;
            return this;
        }

        /** Retries after the first attempt, for GETs only. */
        public Builder maxRetries(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0");
            }
            this.maxRetries = n;
            return this;
        }

        public Builder initialBackoff(Duration d) {
            this.initialBackoff = positive(d, "initialBackoff");
            return this;
        }

        /** Cap of the exponential backoff. */
        public Builder maxBackoff(Duration d) {
            this.maxBackoff = positive(d, "maxBackoff");
            return this;
        }

        /** A Retry-After longer than this is not waited for: the 429 surfaces at once. */
        public Builder maxRetryAfter(Duration d) {
            this.maxRetryAfter = positive(d, "maxRetryAfter");
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s);
            return this;
        }

        /** Source of the backoff jitter. */
        public Builder random(RandomGenerator r) {
            this.random = Objects.requireNonNull(r);
            return this;
        }

        /** Client-side rate limiting per token and organisation; on by default (benchmarks switch it off). */
        public Builder throttle(boolean on) {
            this.throttle = on;
            return this;
        }

        /** Longest URL a stats call with a vehicle id list may produce; default 6,000 (servers often stop at 8 KB). */
        public Builder maxUrlLength(int chars) {
            if (chars < 1024 || chars > 8000) {
                throw new IllegalArgumentException("maxUrlLength must be 1024 to 8000");
            }
            this.maxUrlLength = chars;
            return this;
        }

        public SamsaraClient build() {
            return new SamsaraClient(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
