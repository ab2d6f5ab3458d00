package com.rigsync.demo.simulator;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a fresh {@link SimulatedSamsaraServer} (fixed clock, default page size) as a parameter and closes
 * it afterwards:
 * <pre>{@code
 * @ExtendWith(SimulatedSamsaraExtension.class)
 * class SyncTest {
 *     @Test
 *     void syncs(SimulatedSamsaraServer samsara) { ... samsara.baseUrl() ... }
 * }
 * }</pre>
 */
public final class SimulatedSamsaraExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SimulatedSamsaraExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SimulatedSamsaraServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("server", key -> SimulatedSamsaraServer.start(),
                SimulatedSamsaraServer.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SimulatedSamsaraServer server = context.getStore(NAMESPACE).remove("server", SimulatedSamsaraServer.class);
        if (server != null) {
            server.close();
        }
    }
}
