package se.omsorgsnav.audit;

import java.time.Duration;

/**
 * The outcome of verifying the audit chain (AUD-2). When broken, {@code firstBrokenSeq} is the
 * first sequence number that does not hold (or null where the problem is not at one link) and
 * {@code problem} says in Swedish what was found.
 */
public record VerificationReport(boolean intact, long sealedEventsChecked, long pendingEvents, Long firstBrokenSeq,
                                 String problem, Duration duration) {

    static VerificationReport intact(long checked, long pending, Duration duration) {
        return new VerificationReport(true, checked, pending, null, null, duration);
    }

    static VerificationReport broken(long checked, long pending, Long seq, String problem, Duration duration) {
        return new VerificationReport(false, checked, pending, seq, problem, duration);
    }
}
