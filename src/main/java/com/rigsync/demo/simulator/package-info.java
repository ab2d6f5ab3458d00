/**
 * A simulated Samsara organisation, "Springfield Fire Rescue (simulated)", for the demo profile and the tests: the
 * API calls RigSync makes, answered with the JSON shapes of api.samsara.com.
 *
 * <ul>
 *   <li>{@link com.rigsync.demo.simulator.SimulatedSamsara}: the engine, transport-agnostic and framework-free;
 *       demo tokens, OAuth app values, fault switches, clock and request counts.</li>
 *   <li>{@link com.rigsync.demo.simulator.SimulatedSamsaraServlet}: serves an engine below a servlet mapping such as
 *       {@code /simulated-samsara/*}.</li>
 *   <li>{@link com.rigsync.demo.simulator.SimulatedFleet}: the deterministic vehicles, tags and drivers the demo's
 *       apparatus data derives from.</li>
 * </ul>
 *
 * Demo API tokens: {@code samsara-demo-global-read} (every read scope), {@code samsara-demo-no-stats} (every read
 * scope but Read Vehicle Statistics), {@code samsara-demo-revoked} (401, as if regenerated),
 * {@code samsara-demo-driver-tokens} (every read scope and Write Driver Auth Token). OAuth app: client id
 * {@code rigsync-demo-app}, secret {@code rigsync-demo-app-secret}.
 */
package com.rigsync.demo.simulator;
