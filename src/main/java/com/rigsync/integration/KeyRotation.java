package com.rigsync.integration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, re-encrypts every stored secret not made with the current key or not yet bound to its department and
 * column (after a key rotation, RIGSYNC_ENCRYPTION_KEY_PREVIOUS set, or from before secrets were bound). The rows are locked ({@code SELECT ... FOR UPDATE}) in one transaction, so when several instances
 * start at once one does the work and the others wait, then find nothing left to do. Afterwards the previous key is
 * no longer needed. It runs while the application starts, before the sync scheduler and the screens, so nothing reads
 * a secret still in the old form (a sync started at once failed once on such a secret after an upgrade).
 */
@Component
class KeyRotation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final SamsaraConnectionRepository connections;
    private final TokenVault vault;
    private final EncryptionKeys keys;
    private final TransactionTemplate transaction;

    KeyRotation(SamsaraConnectionRepository connections, TokenVault vault, EncryptionKeys keys,
                PlatformTransactionManager transactions) {
        this.connections = connections;
        this.vault = vault;
        this.keys = keys;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        // also when secrets predate the binding to their row (format v1): those are re-encrypted once, bound
        int count = reencryptAll();
        if (count > 0 || keys.previous().isPresent()) {
            log.info("Stored secrets re-encrypted: {} stored Samsara connection(s) re-encrypted with key {}; "
                    + "RIGSYNC_ENCRYPTION_KEY_PREVIOUS is no longer needed once every instance runs with the new key",
                    count, keys.current().id());
        }
    }

    /** Re-encrypts every secret not made with the current key; returns how many connections changed. */
    int reencryptAll() {
        Integer changed = transaction.execute(status -> reencryptLocked());
        return changed == null ? 0 : changed;
    }

    private int reencryptLocked() {
        int changed = 0;
        for (SamsaraConnection connection : connections.lockAllWithSecrets()) {
            String secret = connection.getSecretCiphertext();
            String refresh = connection.getRefreshCiphertext();
            boolean stale = !vault.isCurrent(secret) || (refresh != null && !vault.isCurrent(refresh));
            if (stale) {
                long departmentId = connection.getDepartmentId();
                connections.rewriteSecrets(departmentId,
                        vault.isCurrent(secret) ? secret : vault.reencrypt(SecretSlot.secret(departmentId), secret),
                        refresh == null || vault.isCurrent(refresh) ? refresh
                                : vault.reencrypt(SecretSlot.refresh(departmentId), refresh));
                changed++;
            }
        }
        return changed;
    }
}
