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
    }

    private static void audit() {
    }

    private static void person() {
    }

    private static void casework() {
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
    }
}
