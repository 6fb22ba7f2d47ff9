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
        row("AccessAction.AUTHORIZATION_HOLDER_UNITS", "GET /api/v1/cases/{caseNumber}/authorizations", "GET /cases/{caseNumber}/authorizations",
                "GET /authorizations/requests/{id}", "GET /cases/{caseNumber}/authorizations/new");
        row("AccessAction.AUTHORIZATION_PRECHECK", "GET /authorizations/case", "GET /cases/{caseNumber}/authorizations/new",
                "GET /authorizations/requests/{id}");
        row("AccessAction.AUTHORIZATION_CLOSED_CASES", "GET /authorizations");
        row("AccessAction.STEP_UP", "GET /step-up", "POST /step-up");
        row("AccessAction.PIN", "GET /account/pin", "POST /account/pin");
        // The shell's start page (web): which work lists a role sees.
        row("StartPageAction.OWN_CASES", "GET /");
        row("StartPageAction.OPEN_AUTHORIZATION_ORDERS", "GET /");
        row("StartPageAction.UNIT_FOLLOW_UPS", "GET /");
        row("StartPageAction.FEE_MESSAGES", "GET /");
        row("StartPageAction.ALARM_ASSIGNMENTS", "GET /");
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
        row("PersonAction.OPEN_PERSON", "GET /persons/{id}", "GET /persons/{personId}/cases", "POST /persons/search", "GET /cases/{caseNumber}");
        row("PersonAction.NEW_CASE_UNSEEN", "GET /cases/new", "POST /cases", "POST /api/v1/cases");
        row("PersonAction.REGISTER_PERSON", "GET /persons/new", "POST /persons", "POST /api/v1/persons");
        row("PersonAction.RECORD_DEATH", "POST /api/v1/persons/{id}/death");
        row("PersonAction.LOCAL_PROTECTION", "POST /cases/{caseNumber}/local-protection", "POST /api/v1/cases/{caseNumber}/local-protection");
        row("PersonAction.ACCESS_EXTRACT", "GET /persons/{id}/access-extract", "GET /persons/{id}/access-extract.csv");
    }

    private static void casework() {
        row("CaseworkAction.NEW_CASE", "POST /cases", "POST /api/v1/cases", "POST /intakes", "POST /api/v1/intakes");
        row("CaseworkAction.READ_CASE", "GET /cases/{caseNumber}", "GET /api/v1/cases/{caseNumber}", "GET /persons/{personId}/cases", "GET /");
        row("CaseworkAction.CASE_PAGE", "GET /cases/{caseNumber}", "GET /api/v1/cases/{caseNumber}");
        row("CaseworkAction.CLOSE_CASE", "POST /cases/{caseNumber}/closure", "POST /api/v1/cases/{caseNumber}/closure");
        row("CaseworkAction.LOCAL_PROTECTION", "POST /cases/{caseNumber}/local-protection", "POST /api/v1/cases/{caseNumber}/local-protection");
        row("CaseworkAction.LOCAL_PROTECTION_FORM", "GET /cases/{caseNumber}/local-protection");
        row("CaseworkAction.DEVIATION", "POST /deviations", "POST /api/v1/deviations");
        row("CaseworkAction.DEVIATION_ATTACHED", "POST /deviations/{id}/attachment", "POST /api/v1/deviations/{id}/attachment");
        row("CaseworkAction.UNATTACHED_DEVIATIONS", "GET /deviations/unattached", "GET /api/v1/deviations/unattached");
        row("CaseworkAction.FOLLOW_UPS", "GET /");
        row("CaseworkAction.INTAKE", "GET /intakes/new", "POST /intakes/new", "POST /intakes", "POST /api/v1/intakes");
    }

    private static void messaging() {
        row("MessageAction.SEND", "POST /api/v1/messages", "POST /messages", "POST /messages/{id}/reply");
        // Exercised with each record type by MessageProtectionTests; the matrix's own cells send free text.
        row("MessageAction.COMPOSE_RECORD_TYPE", "POST /api/v1/messages", "POST /messages");
        row("MessageAction.READ_MESSAGE", "GET /api/v1/messages/{id}", "GET /messages/{id}");
        row("MessageAction.MARK_READ", "POST /api/v1/messages/{id}/read", "POST /messages/{id}/read");
        row("MessageAction.ARCHIVE_MESSAGE", "POST /api/v1/messages/{id}/archive", "POST /messages/{id}/archive");
        row("MessageAction.REPLY", "POST /messages/{id}/reply");
        row("MessageAction.READ_IN_FULL", "GET /api/v1/messages/{id}", "GET /messages/{id}");
        row("MessageAction.DOWNLOAD_ATTACHMENT", "GET /api/v1/messages/{id}/attachments/{attachmentId}",
                "GET /messages/{id}/attachments/{attachmentId}");
        row("MessageAction.KEEP_UNIT_GROUP", "POST /api/v1/message-groups/{id}/members", "DELETE /api/v1/message-groups/{id}/members/{username}",
                "GET /messages/groups/{id}", "POST /messages/groups/{id}/members", "POST /messages/groups/{id}/members/{username}/removal");
        row("MessageAction.KEEP_SYSTEM_GROUP", "GET /api/v1/message-groups", "GET /messages/groups");
        row("MessageAction.SET_GROUP_RESPONSIBLE", "POST /messages/groups/{id}/responsible");
        row("MessageAction.ROUTE_MESSAGE_TYPE", "GET /messages/routing", "POST /messages/routing/{type}");
        row("MessageAction.FOLLOW_UP_FROM_MESSAGE", "GET /messages/{id}");
    }

    private static void placement() {
        row("PlacementAction.SIGN_DECISION", "POST /api/v1/placement/decisions", "POST /placement/decisions");
        row("PlacementAction.VIEW_QUEUE", "GET /api/v1/placement/queue", "GET /placement/queue", "GET /api/v1/placement/relocation-wishes",
                "GET /placement/matching");
        row("PlacementAction.RECORD_RELOCATION_WISH", "POST /api/v1/placement/decisions/{id}/relocation-wish", "POST /placement/relocation-wishes");
        row("PlacementAction.VIEW_VACANT_APARTMENTS", "GET /placement/matching");
        row("PlacementAction.ALLOCATE", "POST /api/v1/placement/allocations", "POST /placement/allocations");
        row("PlacementAction.RECORD_OFFER", "POST /api/v1/placement/allocations/{id}/offer", "POST /placement/allocations/{id}/offer",
                "GET /placement/offers");
        row("PlacementAction.RECORD_ANSWER", "POST /api/v1/placement/allocations/{id}/answer", "POST /placement/allocations/{id}/answer");
        row("PlacementAction.RECORD_HOME_VISIT", "POST /api/v1/placement/allocations/{id}/home-visit", "POST /placement/allocations/{id}/home-visit",
                "GET /placement/offers");
        row("PlacementAction.EXECUTE_DECISION", "POST /api/v1/placement/allocations/{id}/execution", "POST /placement/allocations/{id}/execution",
                "GET /placement/offers");
        row("PlacementAction.VIEW_LANDLORD_NOTICE", "GET /placement/allocations/{id}/landlord-notice");
        row("PlacementAction.VIEW_OVERDUE_OFFERS", "GET /api/v1/placement/offers/overdue", "GET /placement/queue");
        row("PlacementAction.FOLLOW_UP_OVERDUE_OFFERS", "GET /");
        row("PlacementAction.WORK_HOME_ALLOCATIONS", "GET /placement/offers", "GET /");
        row("PlacementAction.WORK_AGREED_OFFERS", "GET /placement/offers", "GET /");
        row("PlacementAction.AGREED_OFFER", "GET /placement/offers");
        row("PlacementAction.SEE_PLACEMENT", "GET /api/v1/placement/offers/overdue", "GET /placement/offers", "GET /api/v1/placement/respite-bookings",
                "GET /placement/respite", "GET /api/v1/placement/tenants", "GET /");
        row("PlacementAction.SEE_PLACEMENT_AFTER_PIN", "GET /placement/queue", "GET /placement/offers", "GET /placement/respite", "GET /placement/home");
        row("PlacementAction.VIEW_UNEXECUTED", "GET /api/v1/placement/unexecuted", "GET /placement/unexecuted", "GET /placement/unexecuted.csv");
        row("PlacementAction.MANAGE_HOME", "GET /placement/home", "POST /placement/apartments", "GET /api/v1/placement/apartments",
                "POST /api/v1/placement/apartments", "PUT /api/v1/placement/apartments/{id}", "GET /api/v1/placement/vacancies",
                "GET /api/v1/placement/tenants");
        row("PlacementAction.REPORT_VACANCY", "POST /placement/vacancies", "POST /api/v1/placement/vacancies");
        row("PlacementAction.RECORD_WELCOME_TALK", "POST /placement/tenancies/{id}/welcome-talk", "POST /api/v1/placement/tenancies/{id}/welcome-talk");
        row("PlacementAction.VIEW_STATISTICS", "GET /placement/statistics", "GET /api/v1/placement/statistics");
        row("PlacementAction.VIEW_HOME_STATISTICS", "GET /placement/statistics", "GET /api/v1/placement/statistics");
        row("PlacementAction.BOOK_RESPITE", "POST /placement/respite", "POST /api/v1/placement/respite-bookings");
        row("PlacementAction.CANCEL_RESPITE", "POST /placement/respite/{id}/cancel", "DELETE /api/v1/placement/respite-bookings/{id}");
        row("PlacementAction.VIEW_RESPITE_BOOKINGS", "GET /placement/respite", "GET /api/v1/placement/respite-bookings");
        row("PlacementAction.VIEW_HOME_RESPITE_BOOKINGS", "GET /placement/respite", "GET /api/v1/placement/respite-bookings");
        row("PlacementAction.VIEW_MOVE_IN_REMINDERS", "GET /");
    }
}
