package se.omsorgsnav.audit;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The outcome of verifying the audit chain (AUD-2, AUD-6). When broken, {@code firstBrokenSeq} is
 * the first sequence number that does not hold (or null where the problem is not at one link) and
 * {@code problem} says in Swedish what was found.
 * <p>
 * {@code retentionAnchorSeq}: the chain is verified from this link on (null before the first
 * retention run); the links before it were removed by retention, except {@code keptLinks} held by
 * open reviews, verified one by one. {@code retainedFrom}: events older than this were removed.
 * {@code copiedCheckpoints}: how many checkpoints and anchors were found in the copy outside the
 * database and compared; {@code uncopiedCheckpoints}: the newest ones not copied yet (the copy is
 * written just after each commit); {@code copyDirectory}: where the copy is read.
 */
public record VerificationReport(boolean intact, long sealedEventsChecked, long pendingEvents, Long firstBrokenSeq,
                                 String problem, Duration duration, Long retentionAnchorSeq, OffsetDateTime retainedFrom,
                                 long keptLinks, long copiedCheckpoints, long uncopiedCheckpoints, String copyDirectory) {

    /** What verification found besides the verdict. */
    record Details(Long retentionAnchorSeq, OffsetDateTime retainedFrom, long keptLinks, long copiedCheckpoints,
                   long uncopiedCheckpoints, String copyDirectory) {}

    static VerificationReport intact(long checked, long pending, Duration duration, Details details) {
        return new VerificationReport(true, checked, pending, null, null, duration, details.retentionAnchorSeq(),
                details.retainedFrom(), details.keptLinks(), details.copiedCheckpoints(), details.uncopiedCheckpoints(),
                details.copyDirectory());
    }

    static VerificationReport broken(long checked, long pending, Long seq, String problem, Duration duration, Details details) {
        return new VerificationReport(false, checked, pending, seq, problem, duration, details.retentionAnchorSeq(),
                details.retainedFrom(), details.keptLinks(), details.copiedCheckpoints(), details.uncopiedCheckpoints(),
                details.copyDirectory());
    }
}
