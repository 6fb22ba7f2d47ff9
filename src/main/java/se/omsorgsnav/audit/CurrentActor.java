package se.omsorgsnav.audit;

/**
 * Who is acting right now. Implemented by the access module, which knows users; audit must not
 * depend on it, so it asks through this interface.
 */
public interface CurrentActor {

    AuditActor actor();
}
