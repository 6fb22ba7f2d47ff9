package se.omsorgsnav.access;

import java.util.Map;

/**
 * An action's rule as a SQL predicate for one list query, so that the list returns only the rows
 * the user may act on (and its count is the count of those rows, PROT-24). Append {@link #sql()}
 * to the query's where clause and bind {@link #params()} by name.
 */
public record RowFilter(String sql, Map<String, Object> params) {

    /** Which columns of the list's row hold the target's facts; only those the rule uses are needed. */
    public record Columns(String personId, String caseId, String unit, String caseOfficer, String locked) {

        public static Columns of() {
            return new Columns(null, null, null, null, null);
        }

        public Columns personId(String column) {
            return new Columns(column, caseId, unit, caseOfficer, locked);
        }

        public Columns caseId(String column) {
            return new Columns(personId, column, unit, caseOfficer, locked);
        }

        public Columns unit(String column) {
            return new Columns(personId, caseId, column, caseOfficer, locked);
        }

        public Columns caseOfficer(String column) {
            return new Columns(personId, caseId, unit, column, locked);
        }

        /** A boolean SQL expression: the row's person is locked today (from the person module's own predicate). */
        public Columns locked(String expression) {
            return new Columns(personId, caseId, unit, caseOfficer, expression);
        }

        String required(String name, String column) {
            if (column == null) {
                throw new IllegalStateException("RowFilter.Columns saknar " + name);
            }
            return column;
        }
    }
}
