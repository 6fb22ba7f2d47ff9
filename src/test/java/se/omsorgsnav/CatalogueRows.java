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
    }

    private static void placement() {
    }
}
