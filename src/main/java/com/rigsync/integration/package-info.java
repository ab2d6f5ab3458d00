/**
 * A department's Samsara connection: settings, the encrypted token, regions, and the way other features reach
 * Samsara.
 *
 * <ul>
 *   <li>{@link com.rigsync.integration.SamsaraSettingsService}: the Settings screen (administrators and data
 *       managers): read, save with verification, test connection, remove the token.</li>
 *   <li>{@link com.rigsync.integration.SamsaraConnections}: for apparatus lookups
 *       ({@code sessionForCurrentDepartment()}) and background sync ({@code sessionFor(departmentId)}, never from a
 *       screen), with {@code recordSuccess}/{@code recordFailure}.</li>
 *   <li>{@link com.rigsync.integration.SamsaraOrganisationChanged}: published when a token of another organisation
 *       was saved after confirmation; the apparatus and sync features flag links and clear caches.</li>
 *   <li>{@link com.rigsync.integration.ApparatusCount}: a hook the apparatus feature implements so Test connection
 *       warns when the token sees fewer vehicles than the department has apparatus.</li>
 *   <li>{@link com.rigsync.integration.IntegrationStatus}: the integration in one line (state, last and next sync)
 *       for every role and for Client Success; the sync feature answers {@link com.rigsync.integration.SyncTimes}.</li>
 * </ul>
 * TokenVault is the only class that decrypts; secrets leave it only inside a {@code TokenSource}.
 */
package com.rigsync.integration;
