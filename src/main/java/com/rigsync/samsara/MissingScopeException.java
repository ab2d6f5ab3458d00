package com.rigsync.samsara;

/**
 * 403: Samsara refused a call the token is not allowed to make. Samsara gives three reasons for that and its answer
 * does not say which: the token lacks the scope the call needs, the token is limited to tags and the vehicle lies
 * outside them, or the organisation lacks the licence the endpoint needs. The message names all three.
 */
public final class MissingScopeException extends SamsaraException {

    private final String requiredScope;
    private final String purpose;
    private final boolean read;

    MissingScopeException(ErrorDetails details, Endpoint endpoint) {
        super(details, "refused: the token lacks the '" + endpoint.scope + "' scope, the entity is outside its tags, "
                + "or the organisation lacks the licence", null);
        this.requiredScope = endpoint.scope;
        this.purpose = endpoint.purpose;
        this.read = endpoint.isRead();
    }

    /** The scope to select on the token, as Samsara's dashboard names it, e.g. "Read Vehicle Statistics". */
    public String requiredScope() {
        return requiredScope;
    }

    /** The three things to check, as one sentence in an administrator's words. */
    public String whatToCheck() {
        return "In the Samsara dashboard, check three things: the token's scopes (Settings > API Tokens) include '"
                + requiredScope + "'" + (read ? " (Global Read includes every read scope)"
                        : " (Global Read does not include it)")
                + "; if the token is limited to some tags, the vehicles and drivers are inside them; and your "
                + "organisation's Samsara licence includes this feature (your Samsara account team can tell you).";
    }

    @Override
    public String userMessage() {
        return withSamsaraMessage("Samsara refused: the token cannot " + purpose + ". " + whatToCheck());
    }
}
