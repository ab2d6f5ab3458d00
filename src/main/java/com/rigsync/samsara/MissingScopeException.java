package com.rigsync.samsara;

/** 403: the token lacks the scope this call needs, or it is tag-scoped and the vehicle lies outside its tags. */
public final class MissingScopeException extends SamsaraException {

    private final String requiredScope;
    private final String purpose;
    private final boolean read;

    MissingScopeException(ErrorDetails details, Endpoint endpoint) {
        super(details, "the token lacks the '" + endpoint.scope + "' scope (or the entity is outside its tags)", null);
        this.requiredScope = endpoint.scope;
        this.purpose = endpoint.purpose;
        this.read = endpoint.isRead();
    }

    /** The scope to select on the token, as Samsara's dashboard names it, e.g. "Read Vehicle Statistics". */
    public String requiredScope() {
        return requiredScope;
    }

    @Override
    public String userMessage() {
        String fix = read
                ? "give it the '" + requiredScope + "' scope, or choose Global Read."
                : "give it the '" + requiredScope + "' scope (Global Read does not include it).";
        return withSamsaraMessage("The token cannot " + purpose + ": " + fix
                + " If the token is limited to some tags, the vehicle may be outside them.");
    }
}
