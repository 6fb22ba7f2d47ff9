package se.omsorgsnav.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.AuditLogAction;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.audit.AuditReviews;

/**
 * The access side of the log review, for the page and the API alike: the catalogue
 * ({@link AuditLogAction}) decides before audit's {@link AuditReviews} is called. A review is its
 * reviewer's (fault 15): another reviewer's, or one that does not exist, is "Behörighet saknas"
 * (PROT-24).
 */
@Component
class AuditReviewAccess {

    private static final int LISTED = 200;

    private final AccessControl access;
    private final AuditReviews reviews;

    AuditReviewAccess(AccessControl access, AuditReviews reviews) {
        this.access = access;
        this.reviews = reviews;
    }

    void require(AuditLogAction action) {
        access.require(action, Target.NONE);
    }

    /** The action on this review: its reviewer is the user it names. */
    void require(AuditLogAction action, UUID reviewId) {
        access.require(action, reviews.reviewerOf(reviewId).map(reviewer -> Target.NONE.withUsers(Set.of(reviewer))));
    }

    /** The reviews this user may read, newest first. */
    List<AuditReviews.Summary> recent(int limit) {
        access.require(AuditLogAction.AUDIT_REVIEW_LIST, Target.NONE);
        return access.filter(AuditLogAction.AUDIT_REVIEW_VIEWED, reviews.recent(LISTED),
                        s -> Target.NONE.withUsers(s.reviewerId() == null ? Set.of() : Set.of(s.reviewerId())))
                .stream().limit(limit).toList();
    }

    boolean mayConclude(UUID reviewId) {
        return reviews.reviewerOf(reviewId).map(r -> access.has(AuditLogAction.AUDIT_REVIEW_CONCLUDED, Target.NONE.withUsers(Set.of(r))))
                .orElse(false);
    }
}
