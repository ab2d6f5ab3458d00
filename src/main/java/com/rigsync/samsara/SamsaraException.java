package com.rigsync.samsara;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Samsara call failed. {@link #userMessage()} says what happened and what to do, for a fire department
 * administrator; {@link #getMessage()} carries the technical detail for the log. Neither ever holds a token,
 * refresh token, authorization code or client secret.
 */
public abstract sealed class SamsaraException extends RuntimeException
        permits InvalidTokenException, MissingScopeException, NotFoundException, RateLimitedException,
        SamsaraUnavailableException, NetworkException, MalformedResponseException, InvalidGrantException,
        RequestRejectedException {

    private final String endpoint;
    private final Integer httpStatus;
    private final String samsaraMessage;
    private final String requestId;

    SamsaraException(ErrorDetails details, String technical, Throwable cause) {
        super(describe(details, technical), cause);
        this.endpoint = details.endpoint();
        this.httpStatus = details.httpStatus();
        this.samsaraMessage = details.samsaraMessage();
        this.requestId = details.requestId();
    }

    private static String describe(ErrorDetails d, String technical) {
        StringBuilder s = new StringBuilder(d.endpoint());
        if (d.httpStatus() != null) {
            s.append(" -> HTTP ").append(d.httpStatus());
        }
        s.append(": ").append(technical);
        if (d.samsaraMessage() != null) {
            s.append("; Samsara said: ").append(d.samsaraMessage());
        }
        if (d.requestId() != null) {
            s.append(" (requestId ").append(d.requestId()).append(')');
        }
        return s.toString();
    }

    /** What happened and what to do, in an administrator's words. */
    public abstract String userMessage();

    /** The call, as {@code METHOD /path/template}, e.g. {@code GET /fleet/vehicles/stats}. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status Samsara answered with; empty when no answer came (network, timeout). */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** Samsara's own {@code message} (secrets removed), fit to show to an administrator. */
    public Optional<String> samsaraMessage() {
        return Optional.ofNullable(samsaraMessage);
    }

    /** Samsara's {@code requestId}, for the log and for Samsara support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Appends Samsara's message, when there is one, to a user message. */
    String withSamsaraMessage(String text) {
        return samsaraMessage == null ? text : text + " (Samsara: " + samsaraMessage + ")";
    }
}
