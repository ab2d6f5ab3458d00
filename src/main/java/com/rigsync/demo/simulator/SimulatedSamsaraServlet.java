package com.rigsync.demo.simulator;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves a {@link SimulatedSamsara} from a servlet mapping such as {@code /simulated-samsara/*}: the path below the
 * mapping ({@code getPathInfo()}) is the Samsara API path. Authentication is the simulator's own (bearer tokens,
 * OAuth client credentials), so the mapping needs a stateless security chain without sessions or CSRF.
 */
public class SimulatedSamsaraServlet extends HttpServlet {

    private static final int MAX_BODY_BYTES = 1_000_000;

    private final transient SimulatedSamsara samsara;

    public SimulatedSamsaraServlet(SimulatedSamsara samsara) {
        this.samsara = samsara;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES);
        if (body.length == 0 && isForm(request)) {
            body = formFromParameters(request);
        }
        SimulatedResponse answer = samsara.handle(SimulatedRequest.of(request.getMethod(), request.getPathInfo(),
                request.getQueryString(), headers, body));
        if (answer.delay().isPositive()) {
            try {
                Thread.sleep(answer.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        byte[] bytes = answer.bodyBytes();
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static boolean isForm(HttpServletRequest request) {
        return "POST".equalsIgnoreCase(request.getMethod()) && request.getContentType() != null
                && request.getContentType().startsWith("application/x-www-form-urlencoded");
    }

    /** A filter that read the parameters has consumed the body already: rebuild the form from them. */
    private static byte[] formFromParameters(HttpServletRequest request) {
        Map<String, List<String>> inQuery = SimulatedRequest.parseForm(request.getQueryString());
        var form = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            List<String> queryValues = inQuery.getOrDefault(name, List.of());
            for (int i = queryValues.size(); i < values.length; i++) {
                form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(values[i], StandardCharsets.UTF_8));
            }
        });
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }
}
