package se.omsorgsnav.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * AUD-6: which audit events may be removed. An event is kept for at least the retention period
 * (five years, HSLF-FS 2016:40 4 kap. 9 §; an organisation may keep longer, never shorter), and
 * for as long as an open review holds it, however old. The job removes only what this rule
 * allows; on PostgreSQL the owner's function {@code audit_remove_expired} enforces the five
 * years again, so neither configuration nor the application role can shorten it.
 */
final class RetentionRule {

    static final Period MINIMUM = Period.ofYears(5);

    private final Period retention;

    RetentionRule(Period retention) {
        if (retention.isNegative() || retention.toTotalMonths() < MINIMUM.toTotalMonths()) {
            throw new IllegalStateException("omsorgsnav.audit.retention must be at least " + MINIMUM
                    + " (AUD-6: audit events are kept at least five years); it is " + retention);
        }
        if (retention.getDays() != 0) {
            throw new IllegalStateException("omsorgsnav.audit.retention is counted in whole years and months: " + retention);
        }
        this.retention = retention;
    }

    /** Events that occurred before this moment are past the retention period. Counted on UTC's calendar. */
    OffsetDateTime cutoff(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minus(retention);
    }

    boolean removable(OffsetDateTime occurredAt, boolean heldByOpenReview, Instant now) {
        return !heldByOpenReview && occurredAt.isBefore(cutoff(now));
    }
}
