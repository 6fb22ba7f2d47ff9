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
    }

    private static void placement() {
    }
}
