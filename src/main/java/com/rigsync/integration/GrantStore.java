package com.rigsync.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditService;
import com.rigsync.security.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last step of "Connect with Samsara": an OAuth grant Samsara gave becomes the department's connection, in one
 * transaction under the connection's row lock, with its audit trail. The caller has checked that the grant is the
 * signed-in user's.
 */
@Component
class GrantStore {

    private static final Logger log = LoggerFactory.getLogger(GrantStore.class);

    private final SamsaraConnectionRepository connections;
    private final OAuthRefresher refresher;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    GrantStore(SamsaraConnectionRepository connections, OAuthRefresher refresher, AuditService audit,
               ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.connections = connections;
        this.refresher = refresher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    private record Replaced(String regionKey, String refreshCiphertext) {
    }

    /**
     * Stores {@code grant}, obtained for {@code user}, as their department's connection: refused when the organisation
     * is connected to another department, answered with {@link ConnectOutcome.OtherOrganisation} when it is not the
     * department's organisation and the change is not confirmed yet. The token or grant it replaces is forgotten, and
     * a replaced grant revoked once the new one is stored.
     */
    ConnectOutcome store(ObtainedGrant grant, SignedInUser user, boolean organisationChangeConfirmed) {
        long departmentId = grant.departmentId();
        if (connections.oauthConnectedElsewhere(grant.organizationId(), departmentId)) {
            refresher.revoke(departmentId, grant.regionKey(), grant.refreshCiphertext);
            log.info("Samsara OAuth for department {}: organisation {} is OAuth-connected to another department",
                    departmentId, grant.organizationId());
            return new ConnectOutcome.Refused(SamsaraOAuthService.ELSEWHERE);
        }
        List<Replaced> toRevoke = new ArrayList<>();
        ConnectOutcome outcome;
        try {
            outcome = transaction.execute(status -> {
                SamsaraConnection c = connections.lockById(departmentId).orElse(null);
                boolean created = c == null;
                if (created) {
                    c = new SamsaraConnection(departmentId, grant.regionKey());
                }
                String previousOrg = c.getOrgId();
                if (previousOrg != null && !previousOrg.equals(grant.organizationId()) && !organisationChangeConfirmed) {
                    return new ConnectOutcome.OtherOrganisation(grant, Organisations.describe(c.getOrgName(), previousOrg),
                            Organisations.describe(grant.organizationName(), grant.organizationId()));
                }
                List<String> messages = new ArrayList<>();
                messages.add("Connected with Samsara: " + grant.organizationName() + ". Granted scope: "
                        + (grant.scope() == null ? "not stated" : grant.scope()) + ".");
                String replaced = null;
                if (c.hasSecret() && c.getAuthKind() == AuthKind.API_TOKEN) {
                    replaced = "replaced the API token ending in …" + c.getSecretLast4();
                    messages.add("The saved API token was replaced; delete it in the Samsara dashboard if nothing "
                            + "else uses it.");
                } else if (c.hasSecret() && c.getAuthKind() == AuthKind.OAUTH) {
                    toRevoke.add(new Replaced(c.getRegion(), c.getRefreshCiphertext()));
                    replaced = "replaced the earlier Samsara connection";
                }
                if (previousOrg != null && !previousOrg.equals(grant.organizationId())) {
                    audit.record(departmentId, AuditAction.SAMSARA_ORGANISATION_CHANGED, grant.organizationName(),
                            "from organisation " + previousOrg + " to " + grant.organizationId()
                                    + "; existing Samsara links flagged for review");
                    events.publishEvent(new SamsaraOrganisationChanged(departmentId, previousOrg,
                            grant.organizationId()));
                    messages.add("Existing Samsara links are flagged for review.");
                }
                if (!c.isEnabled()) {
                    c.setEnabled(true);
                    audit.record(departmentId, AuditAction.SAMSARA_ENABLED, "Samsara integration",
                            "switched on by connecting with Samsara");
                    messages.add("The Samsara integration is switched on.");
                }
                Instant now = clock.instant();
                c.setRegion(grant.regionKey());
                c.storeOAuthGrant(grant.accessCiphertext, grant.refreshCiphertext, grant.expiresAt(), grant.scope(),
                        grant.organizationId(), grant.organizationName(), user.displayName(), now);
                c.touch(user.displayName(), now);
                connections.saveAndFlush(c);
                audit.record(departmentId, AuditAction.SAMSARA_OAUTH_CONNECTED,
                        Organisations.describe(grant.organizationName(), grant.organizationId()),
                        "scope " + grant.scope() + (replaced == null ? "" : "; " + replaced));
                return new ConnectOutcome.Connected(String.join(" ", messages));
            });
        } catch (DataIntegrityViolationException e) {
            // the unique oauth_org_id: another department connected this organisation a moment ago
            refresher.revoke(departmentId, grant.regionKey(), grant.refreshCiphertext);
            return new ConnectOutcome.Refused(SamsaraOAuthService.ELSEWHERE);
        }
        // the earlier grant is revoked only once the new one is safely stored
        toRevoke.forEach(r -> refresher.revoke(departmentId, r.regionKey(), r.refreshCiphertext()));
        if (outcome instanceof ConnectOutcome.Connected) {
            log.info("Samsara OAuth for department {}: connected to organisation {}", departmentId,
                    grant.organizationId());
        }
        return outcome;
    }
}
