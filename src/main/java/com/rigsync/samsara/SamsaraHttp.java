package com.rigsync.samsara;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The call loop: throttle, authorise, send, classify, retry. Retries and their waits happen here (never inside an
 * OkHttp interceptor), only for GETs, through the injectable Sleeper and Clock.
 */
final class SamsaraHttp {

    private static final Logger log = LoggerFactory.getLogger(SamsaraHttp.class);
    private static final String REDACTED = "[redacted]";
    static final String VERSION_HEADER = "X-Samsara-Version";

    final HttpUrl baseUrl;
    final JsonMapper json;
    final Clock clock;
    private final OkHttpClient http;
    private final OkHttpClient tokenEndpointHttp;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Throttle throttle;
    private final CallObserver observer;
    private final String apiVersion;

    SamsaraHttp(HttpUrl baseUrl, OkHttpClient http, OkHttpClient tokenEndpointHttp, JsonMapper json, Clock clock,
            Sleeper sleeper, RandomGenerator random, int maxRetries, Duration initialBackoff, Duration maxBackoff,
            Duration maxRetryAfter, Throttle throttle, CallObserver observer, String apiVersion) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.tokenEndpointHttp = tokenEndpointHttp;
        this.json = json;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxRetryAfter = maxRetryAfter;
        this.throttle = throttle;
        this.observer = observer;
        this.apiVersion = apiVersion;
    }

    /**
     * One logical call. Exactly one of {@code tokens} (Bearer) and {@code basicAuthorization} is set.
     * {@code secrets} are extra strings (codes, refresh tokens, client secrets) to strip from anything reported.
     * {@code deadline}, when set, ends the call: no request after it, no wait past it. {@code organisation} is the
     * Samsara organisation the token belongs to (null when not known), for the shared rate limits.
     */
    record Exchange(Endpoint endpoint, HttpUrl url, RequestBody body, TokenSource tokens, String basicAuthorization,
            AtomicLong requestCounter, List<String> secrets, Instant deadline, String organisation) {
    }

    /** Sends the exchange and returns the parsed JSON body (MissingNode for an empty 2xx body). */
    JsonNode execute(Exchange x) {
        Endpoint endpoint = x.endpoint();
        String token = x.tokens() == null ? null : x.tokens().accessToken();
        if (x.tokens() != null && (token == null || token.isBlank())) {
            throw new IllegalStateException("the token source gave no access token for " + endpoint.label());
        }
        String firstToken = token;
        boolean triedRefresh = false;
        int attempt = 0;
        while (true) {
            attempt++;
            if (x.deadline() != null && !clock.instant().isBefore(x.deadline())) {
                log.warn("Samsara {} {}: the caller's time budget is used up after {} attempt(s); giving up",
                        endpoint.method, x.url().encodedPath(), attempt - 1);
                throw new NetworkException(ErrorDetails.noAnswer(endpoint), "time budget used up", null);
            }
            if (token != null && throttle != null) {
                String current = token;
                wait(endpoint, () -> throttle.acquire(current, x.organisation(), endpoint));
            }
            Request request = authorised(x, token);
            int status;
            Headers headers;
            byte[] body;
            x.requestCounter().incrementAndGet();
            long sent = System.nanoTime();
            Call call = client(endpoint).newCall(request);
            if (x.deadline() != null) {
                long left = Math.max(1, Duration.between(clock.instant(), x.deadline()).toMillis());
                long limit = client(endpoint).callTimeoutMillis();
                call.timeout().timeout(limit == 0 ? left : Math.min(left, limit), TimeUnit.MILLISECONDS);
            }
            try (Response response = call.execute()) {
                status = response.code();
                headers = response.headers();
                ResponseBody rb = response.body();
                body = rb.bytes();
            } catch (IOException e) {
                // within a time budget a timed-out request is not sent again: a Samsara that does not answer
                // would hold the caller's thread for another full timeout each time
                boolean retrying = endpoint.safeToRepeat() && attempt <= maxRetries
                        && !(x.deadline() != null && e instanceof InterruptedIOException);
                Duration delay = retrying ? backoff(attempt) : null;
                retrying = retrying && fits(x, delay);
                observe(endpoint, CallObserver.Call.NO_ANSWER, sent, attempt, retrying);
                if (retrying) {
                    log.warn("Samsara {} {} failed ({}), attempt {}; retrying in {} ms", endpoint.method,
                            x.url().encodedPath(), e.getClass().getSimpleName(), attempt, delay.toMillis());
                    sleepBeforeRetry(endpoint, delay);
                    continue;
                }
                log.warn("Samsara {} {} failed ({}), attempt {}; giving up", endpoint.method, x.url().encodedPath(),
                        e.getClass().getSimpleName(), attempt);
                throw new NetworkException(ErrorDetails.noAnswer(endpoint),
                        "no answer after " + attempt + " attempt(s): " + e.getClass().getSimpleName(), null);
            }
            if (status >= 200 && status < 300) {
                observe(endpoint, status, sent, attempt, false);
                log.debug("Samsara {} {} -> {} (attempt {})", endpoint.method, x.url().encodedPath(), status, attempt);
                return parse(endpoint, body);
            }
            ErrorDetails details = errorDetails(endpoint, status, headers, body, secretsOf(x, firstToken, token));
            log.warn("Samsara {} {} -> {} (attempt {}, requestId {})", endpoint.method, x.url().encodedPath(), status,
                    attempt, details.requestId());
            if (status == 401 && x.tokens() != null && !triedRefresh) {
                triedRefresh = true;
                Optional<String> refreshed = x.tokens().refreshAfterUnauthorized(token);
                if (refreshed.isPresent() && !refreshed.get().isBlank() && !refreshed.get().equals(token)) {
                    observe(endpoint, status, sent, attempt, true);
                    log.debug("Samsara {} {}: token source gave a new token after 401; retrying once",
                            endpoint.method, x.url().encodedPath());
                    token = refreshed.get();
                    continue;
                }
            }
            Duration retryAfter = retryAfter(headers.get("Retry-After"), clock.instant()).orElse(null);
            boolean retrying = endpoint.safeToRepeat() && retryableStatus(status) && attempt <= maxRetries
                    && (retryAfter == null || retryAfter.compareTo(maxRetryAfter) <= 0);
            Duration delay = retrying ? (retryAfter != null ? retryAfter : backoff(attempt)) : null;
            if (retrying && fits(x, delay)) {
                observe(endpoint, status, sent, attempt, true);
                sleepBeforeRetry(endpoint, delay);
                continue;
            }
            observe(endpoint, status, sent, attempt, false);
            throw failure(endpoint, status, details, retryAfter, body, secretsOf(x, firstToken, token));
        }
    }

    private void observe(Endpoint endpoint, int status, long sentNanos, int attempt, boolean retrying) {
        try {
            observer.answered(new CallObserver.Call(endpoint.label(), status,
                    Duration.ofNanos(System.nanoTime() - sentNanos), attempt, retrying));
        } catch (RuntimeException e) {
            log.warn("A Samsara call observer failed; the call goes on", e);
        }
    }

    /** A wait of {@code delay} ends before the exchange's deadline (always, without one). */
    private boolean fits(Exchange x, Duration delay) {
        return x.deadline() == null || clock.instant().plus(delay).isBefore(x.deadline());
    }

    private OkHttpClient client(Endpoint endpoint) {
        return isTokenEndpoint(endpoint) ? tokenEndpointHttp : http;
    }

    private static boolean isTokenEndpoint(Endpoint endpoint) {
        return endpoint == Endpoint.OAUTH_TOKEN || endpoint == Endpoint.OAUTH_REVOKE;
    }

    /**
     * The one place the Authorization header is added, and the API version: an API token otherwise answers in the
     * version pinned when it was made and an OAuth token in the newest, so departments would see different shapes.
     */
    private Request authorised(Exchange x, String token) {
        Request.Builder b = new Request.Builder().url(x.url()).header("Accept", "application/json");
        if (!isTokenEndpoint(x.endpoint())) {
            b.header(VERSION_HEADER, apiVersion);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        } else if (x.basicAuthorization() != null) {
            b.header("Authorization", x.basicAuthorization());
        }
        if (x.body() != null) {
            b.method(x.endpoint().method, x.body());
        } else {
            b.method(x.endpoint().method, null);
        }
        return b.build();
    }

    private JsonNode parse(Endpoint endpoint, byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            // the parser's message quotes the body, which could hold a token: report only the position
            throw new MalformedResponseException(ErrorDetails.noAnswer(endpoint),
                    "the answer is not valid JSON (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    private ErrorDetails errorDetails(Endpoint endpoint, int status, Headers headers, byte[] body,
            List<String> secrets) {
        String message = null;
        String requestId = null;
        try {
            JsonNode node = body.length == 0 ? MissingNode.getInstance() : json.readTree(body);
            message = Json.text(node, "message");
            if (message == null) {
                message = Json.text(node, "error_description");
            }
            if (message == null) {
                message = Json.text(node, "error");
            }
            requestId = Json.text(node, "requestId");
        } catch (JacksonException e) {
            // an error page that is not JSON (a proxy's HTML, say): the status says enough
        }
        if (requestId == null) {
            requestId = headers.get("X-Request-Id");
        }
        return new ErrorDetails(endpoint.label(), status, redact(truncate(message), secrets), redact(requestId, secrets));
    }

    private SamsaraException failure(Endpoint endpoint, int status, ErrorDetails details, Duration retryAfter,
            byte[] body, List<String> secrets) {
        boolean oauth = endpoint == Endpoint.OAUTH_TOKEN || endpoint == Endpoint.OAUTH_REVOKE;
        if (oauth && (status == 400 || status == 401)) {
            String error = null;
            try {
                error = body.length == 0 ? null : Json.text(json.readTree(body), "error");
            } catch (JacksonException ignored) {
                // not JSON: classified by status alone
            }
            if ("invalid_grant".equals(error) || (status == 400 && error == null)) {
                return new InvalidGrantException(details, error == null ? "invalid_grant" : error);
            }
            if (status == 401 || "invalid_client".equals(error) || "unauthorized_client".equals(error)) {
                return new RequestRejectedException(details, "Samsara rejected RigSync's OAuth app credentials. "
                        + "Ask your RigSync operator to check the Samsara client id and secret.");
            }
            return new RequestRejectedException(details, "Samsara refused the connection request ("
                    + redact(error, secrets) + "). Try connecting to Samsara again.");
        }
        return switch (status) {
            case 401 -> new InvalidTokenException(details);
            case 403 -> new MissingScopeException(details, endpoint);
            case 404 -> new NotFoundException(details);
            case 429 -> new RateLimitedException(details, retryAfter);
            default -> status >= 500 || status == 408
                    ? new SamsaraUnavailableException(details)
                    : new RequestRejectedException(details, "Samsara refused the request. If this keeps happening, "
                            + "report it to RigSync support with the time it happened.");
        };
    }

    static boolean retryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** Capped exponential backoff with jitter: a random wait between half and all of the capped delay. */
    Duration backoff(int attempt) {
        long base = initialBackoff.toNanos();
        long cap = maxBackoff.toNanos();
        long delay = attempt >= 62 ? cap : Math.min(cap, base << Math.min(attempt - 1, 30));
        long half = delay / 2;
        return Duration.ofNanos(half + random.nextLong(half + 1));
    }

    /** Retry-After as decimal seconds (Samsara sends fractions like 0.40235) or an HTTP date. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            BigDecimal seconds = new BigDecimal(v);
            if (seconds.signum() <= 0) {
                return Optional.of(Duration.ZERO);
            }
            long nanos = seconds.movePointRight(9).setScale(0, RoundingMode.CEILING).longValueExact();
            return Optional.of(Duration.ofNanos(nanos));
        } catch (NumberFormatException | ArithmeticException e) {
            // not a number: maybe a date
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void sleepBeforeRetry(Endpoint endpoint, Duration delay) {
        wait(endpoint, () -> sleeper.sleep(delay));
    }

    private interface Wait {
        void run() throws InterruptedException;
    }

    private static void wait(Endpoint endpoint, Wait w) {
        try {
            w.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException(ErrorDetails.noAnswer(endpoint), "interrupted while waiting", e);
        }
    }

    private static List<String> secretsOf(Exchange x, String firstToken, String token) {
        if (token == null) {
            return x.secrets();
        }
        var all = new java.util.ArrayList<>(x.secrets());
        all.add(firstToken);
        all.add(token);
        return all;
    }

    static String redact(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            if (s != null && s.length() >= 4) {
                out = out.replace(s, REDACTED);
            }
        }
        return out;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500) + "...";
    }
}
