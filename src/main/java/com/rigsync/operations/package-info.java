/**
 * Running RigSync: the actuator endpoints' security (health probes open, details and metrics for the management
 * account), Vaadin's requests named in the request metrics, signed-in sessions as a metric, and the alert mail
 * metrics hook. Builds on no RigSync feature, so any feature may report through it.
 */
package com.rigsync.operations;
