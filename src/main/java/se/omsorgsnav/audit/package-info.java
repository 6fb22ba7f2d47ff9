/**
 * The audit log: who read or changed which person's data, when, from where and with what
 * outcome (AUD-1), kept tamper-evident (AUD-2).
 *
 * <h2>How sealing works, and why this way</h2>
 * Business transactions only INSERT: one row in {@code audit_event} and one in
 * {@code audit_pending}, in the same transaction as the access, so an access without its audit
 * row cannot commit and a rolled-back access leaves no row. No request touches a shared row, so
 * auditing never serialises requests behind one lock (a chain hashed inside each request was
 * measured to cost four fifths of the throughput).
 * <p>
 * One sealer ({@code AuditSealer}, scheduled every second) takes the pending events, gives each
 * the next sequence number and a SHA-256 hash over the previous hash and the event's canonical
 * bytes, inserts the links into {@code audit_seal}, removes the events from the queue and writes a
 * checkpoint (last sequence, last hash) signed with an HMAC key that the database does not hold.
 * The application role needs no UPDATE or DELETE on audit data (only DELETE on the queue).
 * <p>
 * One node seals at a time: each batch transaction first takes a row lock on its job's row in
 * {@code audit_lock} ({@code AuditJobLock}, {@code select … for update skip locked}) and is skipped
 * when another node holds it. The lock is the transaction's, so it ends when the transaction does
 * — also when the holder is killed and its connection drops — and the next attempt, a second
 * later on any node, seals on. (ShedLock's lock row stayed behind a {@code kill -9} for its whole
 * five minutes, issue 15.) The head the batch numbers from is read under the lock, so two sealers
 * never number from one head; and were the lock bypassed, the primary key on the sequence number
 * and the unique event id would make the later of two batches fail whole rather than fork the
 * chain.
 * <p>
 * {@link se.omsorgsnav.audit.AuditVerification} walks the chain and reports the first broken
 * link: an edited event (its hash no longer matches), a deleted event or seal (a missing link or
 * sequence gap), a forged or rewritten chain (a checkpoint whose signature or hash does not
 * match), a chain extended past the last signed checkpoint, and an event that is neither sealed
 * nor waiting to be sealed (inserted behind the application's back or dropped from the queue).
 * <p>
 * The log review ({@link se.omsorgsnav.audit.AuditReviews}, AUD-3, AUD-4) also lives here: a
 * sample and rule flags over a scope, concluded once. What it must know of persons and cases it
 * asks through {@link se.omsorgsnav.audit.AuditReviewFacts}, implemented by casework, because
 * audit depends on nothing but shared.
 * <p>
 * Who may read the log is not decided here: the catalogue {@code access.AuditLogAction} holds the
 * rules (verify, search, open, read, export, conclude — a review is its reviewer's), and the shell's
 * controllers ({@code web.AuditTrailController}, {@code web.AuditReviewApiController} …) ask
 * {@code AccessControl} before they call this module; its services keep only their own invariants.
 * Which protected persons' accesses a reader may see in full (PROT-3) it asks through
 * {@link se.omsorgsnav.audit.ReviewerClearance}, implemented by access: the others' events show
 * no actor, unit, case, purpose or address and the day only, and a search by user or unit leaves
 * them out.
 * <h2>Checkpoints outside the database (AUD-6)</h2>
 * Every checkpoint and retention anchor is also appended to a file per day in
 * {@code omsorgsnav.audit.checkpoint-directory} ({@code CheckpointCopy}: one line each, written
 * and forced to disk). Verification compares: each line of the copy must agree with the
 * database's checkpoint (or anchor) of its number, and every checkpoint since the copy began
 * ({@code audit_chain_identity.copy_from}) must be in the copy, but for the newest not yet
 * written. So a database owner who rewrites the chain and its checkpoints — even re-signed with a
 * stolen key — or deletes checkpoints is found, and a missing copy is reported. The line is
 * written just after its transaction commits (a line written before a commit that then failed
 * would state a checkpoint the database never had); what a crash or failed write left uncopied,
 * the next batch appends first under the sealer's lock, and if it cannot, the batch fails:
 * sealing stops and health turns DOWN instead of sealing on without a copy. The copy is never
 * refilled from the database beyond its last line. It is only as good as its storage: in
 * production a mount the database administrators cannot write, the same for every node.
 * <h2>Retention (AUD-6)</h2>
 * {@code AuditRetention}, daily under its own {@code audit_lock} row, removes the events past the
 * retention period ({@code RetentionRule}: at least five years; never an event an open review
 * holds) as a <em>prefix</em> of the chain: the links up to N, the last checkpoint before the
 * first event still within the period (an old event sealed after a young one waits for it).
 * Before removing anything it verifies those links against their signed checkpoint, so it never
 * anchors a tampered chain. It then writes a signed anchor ({@code audit_retention_anchor}: N,
 * hash N, how many links below N were kept, the cutoff), from which verification starts: link
 * N+1 must follow hash N. Events in the prefix that an open review holds stay with their seal
 * rows, and each gets an {@code audit_kept_link} row with the hash of the link before it and its
 * own signature: its neighbours are gone, but verification still recomputes its hash and checks
 * the signature, and the anchor's count of kept links finds one deleted. Once the review is
 * concluded the next run removes them (and the concluded review's item rows that named them).
 * The anchor's signature has its own prefix, so a checkpoint's signature cannot be passed off as
 * an anchor to cut the chain anywhere. On PostgreSQL the application role still may not delete
 * audit rows: the job calls {@code audit_remove_expired}, a {@code security definer} function
 * owned by the migration role, which removes only links whose events are older than five years
 * by the database's clock and held by no open review, and otherwise fails and removes nothing.
 * On H2 (one role) the job's own rule is the only guard, and it deletes only the links the rule
 * chose.
 * <p>
 * Must never: decide who may read the log; show who handled a protected person to a reader the
 * clearance does not name; update or delete an audit event (retention past the period is the one
 * removal, above); write personal data other than ids into an event;
 * let a denial vanish with the caller's rollback (denials are written in their own transaction).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package se.omsorgsnav.audit;
