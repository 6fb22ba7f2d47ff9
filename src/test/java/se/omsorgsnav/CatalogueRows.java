package se.omsorgsnav;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rows of the authorisation matrix exercise each action of each module's access catalogue
 * ({@code se.omsorgsnav.access.Action}), keyed "PlacementAction.RECORD_OFFER". The matrix fails
 * the build for an action without a row here, and for a row that names no endpoint of the matrix,
 * so a new action cannot be added without the cells that prove its rule. One method per module,
 * each kept by the module's developers.
 */
final class CatalogueRows {

    static final Map<String, List<String>> ROWS = new LinkedHashMap<>();

    static {
        access();
        audit();
        person();
        casework();
        messaging();
        placement();
    }

    private CatalogueRows() {}

    private static void row(String action, String... endpoints) {
        ROWS.put(action, List.of(endpoints));
    }

    private static void access() {
        row("AccessAction.AUTHORIZATION_ORDER_FORM", "GET /authorizations/order");
        row("AccessAction.AUTHORIZATION_REQUESTED", "POST /api/v1/authorization-requests", "POST /authorizations/order");
        row("AccessAction.AUTHORIZATION_REQUEST_LIST", "GET /api/v1/authorization-requests", "GET /authorizations");
        row("AccessAction.AUTHORIZATION_REQUEST_VIEWED", "GET /authorizations/requests/{id}", "POST /authorizations/requests/{id}/decision");
        row("AccessAction.AUTHORIZATION_GRANTED", "POST /api/v1/cases/{caseNumber}/authorizations", "POST /cases/{caseNumber}/authorizations",
                "POST /authorizations/requests/{id}/decision");
        row("AccessAction.AUTHORIZATION_REFUSED", "POST /api/v1/authorization-requests/{id}/refusal");
        row("AccessAction.AUTHORIZATION_REMOVED", "POST /api/v1/authorization-requests/{id}/removal");
        row("AccessAction.AUTHORIZATION_REVOKED", "DELETE /api/v1/cases/{caseNumber}/authorizations/{id}",
                "POST /cases/{caseNumber}/authorizations/{id}/revocation");
        row("AccessAction.AUTHORIZATION_LIST", "GET /api/v1/cases/{caseNumber}/authorizations", "GET /cases/{caseNumber}/authorizations");
        row("AccessAction.AUTHORIZATION_PRECHECK", "GET /authorizations/case", "GET /cases/{caseNumber}/authorizations/new",
                "GET /authorizations/requests/{id}");
        row("AccessAction.AUTHORIZATION_CLOSED_CASES", "GET /authorizations");
        row("AccessAction.STEP_UP", "GET /step-up", "POST /step-up");
        row("AccessAction.PIN", "GET /account/pin", "POST /account/pin");
        // The shell's start page (web): which work lists a role sees.
        row("StartPageAction.OWN_CASES", "GET /");
        row("StartPageAction.OPEN_AUTHORIZATION_ORDERS", "GET /");
        row("StartPageAction.UNIT_FOLLOW_UPS", "GET /");
        row("StartPageAction.MANAGED_HOME", "GET /");
        row("StartPageAction.HOME_STAFF", "GET /");
    }

    private static void audit() {
        row("AuditLogAction.AUDIT_VERIFICATION", "GET /audit/verification", "GET /api/v1/audit/verification");
        row("AuditLogAction.AUDIT_SEARCH", "GET /api/v1/audit");
        row("AuditLogAction.AUDIT_REVIEW_OPENED", "POST /audit/reviews", "POST /api/v1/audit/reviews");
        row("AuditLogAction.AUDIT_REVIEW_LIST", "GET /audit/reviews", "GET /api/v1/audit/reviews");
        row("AuditLogAction.AUDIT_REVIEW_VIEWED", "GET /audit/reviews/{id}", "GET /api/v1/audit/reviews/{id}");
        row("AuditLogAction.AUDIT_REVIEW_EXPORT", "GET /audit/reviews/{id}/export.csv", "GET /api/v1/audit/reviews/{id}/export");
        row("AuditLogAction.AUDIT_REVIEW_CONCLUDED", "POST /audit/reviews/{id}/conclusion", "POST /api/v1/audit/reviews/{id}/conclusion");
        row("AuditLogAction.PROTECTED_ACCESSES", "GET /api/v1/audit", "GET /audit/reviews/{id}", "GET /persons/{id}/access-extract");
    }

    private static void person() {
    }

    private static void casework() {
    }

    private static void messaging() {
    }

    private static void placement() {
    }
}
