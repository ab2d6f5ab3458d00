package com.rigsync.operations;

import io.micrometer.common.KeyValue;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Names Vaadin's own requests in {@code http.server.requests}, which would otherwise lump them under one "UNKNOWN"
 * or "/**" uri: {@code vaadin uidl} (every click and edit: with {@code @Push}'s default WEBSOCKET_XHR transport the
 * browser sends them as XHR, so each is timed here), {@code vaadin heartbeat}, {@code vaadin push} (the push
 * connection's opening request; the messages over it are pushes, not round trips), {@code vaadin init},
 * {@code /VAADIN/**} (static resources) and {@code vaadin page} (a screen's first load).
 */
@Component
class VaadinRequestObservations extends DefaultServerRequestObservationConvention {

    @Override
    protected KeyValue uri(ServerRequestObservationContext context) {
        KeyValue uri = super.uri(context);
        HttpServletRequest request = context.getCarrier();
        if (request == null) {
            return uri;
        }
        String kind = request.getParameter("v-r");
        if (kind != null && kind.matches("[a-z-]{1,20}")) {
            return KeyValue.of(uri.getKey(), "vaadin " + kind);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/VAADIN/")) {
            return KeyValue.of(uri.getKey(), "/VAADIN/**");
        }
        if (path.startsWith("/actuator/") && uri.getValue().equals("UNKNOWN")) {
            // refused before it reached an endpoint (no or wrong management credentials)
            return KeyValue.of(uri.getKey(), "/actuator/**");
        }
        if (uri.getValue().equals("UNKNOWN") || uri.getValue().equals("/**")) {
            return KeyValue.of(uri.getKey(), "vaadin page");
        }
        return uri;
    }
}
