/**
 * Internal secure messages (MSG-1..MSG-8, 002 §2.2, seed 000): messages between users and to
 * message groups (send lists: the system's groups such as BOSAM and "LVS admin
 * sekretessbehörighet", and one group per unit that its unit manager keeps current), structured
 * message types with their required fields ({@link se.omsorgsnav.messaging.MessageType}), routing
 * rules as data (which groups each structured type reaches), the inbox with read state, read
 * receipts, threads of replies and a per-user archive.
 * <p>
 * A message never carries a person's identity as typed text: it links to a case, and the person
 * is shown through the disclosure gate, masked for a reader without authorisation (PROT-3). The
 * subject never holds a personnummer, and for a locked person it is the case number and nothing
 * else (MSG-5). A text that holds a personnummer is refused. Who may do what is the catalogue
 * {@link se.omsorgsnav.messaging.MessageAction}, decided by {@code AccessControl}: no check of
 * messaging's own.
 * <p>
 * What a message says about its person is decided when it is read, from today's protection
 * (PROT-25), never from a flag stored when it was written: for a reader — the sender too — who may
 * not see the person in full, the subject is the case number, the text and every field but the
 * neutral ones ({@link se.omsorgsnav.messaging.MessageField.Sensitivity}) are withheld, and so are
 * the attachments' names and the staff and unit groups it went from and to (they say where she is
 * served). The MSG-8 name check of a text written by hand runs only for a sender who may see the
 * person in full (who knows the names): for anyone else a guessed name and a wrong one answer
 * alike (PROT-24).
 * <p>
 * A type that stands for a record (an access order, a placement decision, a place offer, a
 * move-in, a move-out) comes only from the record, sent by the module that owns it through
 * {@link se.omsorgsnav.messaging.Messages#send}; users write through
 * {@link se.omsorgsnav.messaging.Messages#compose}, which refuses those types. A level measurement
 * goes only where its rule sends it (the placement coordinators), and only with the measurement
 * attached (MSG-3: full name and personnummer through its case, and the attachment). Sending is idempotent per sender
 * and key, all or nothing, and audited (AUD-1). Reading changes nothing; marking read is a POST.
 * <p>
 * Attachments (MSG-7) travel with the message, stored in the database in the same transaction:
 * at most {@code omsorgsnav.messaging.attachments.max-count} files of at most {@code max-size}
 * each, of the types PDF, PNG, JPEG, Word, Excel and OpenDocument text and spreadsheet. The type
 * is sniffed from the bytes (Apache Tika) and must agree with the extension; the client's type is
 * ignored, and HTML, SVG, programs and plain archives are refused whatever they are called. A file
 * name loses any path and never holds a personnummer. Only the sender and the recipients download
 * an attachment, each download audited (DOWNLOAD_ATTACHMENT) with the message's person and case.
 * An attachment may name the person (a level measurement does), so a reader to whom the message's
 * person is masked (PROT-3) sees it withheld: "Bilaga n" with type and size, no name, and its
 * download answers "Behörighet saknas" as for one that does not exist, audited as denied.
 * <p>
 * A group message reaches the members of the group when it is sent; a member added later does
 * not read older messages, a member removed later keeps what reached them.
 * <p>
 * Users and units come from access's {@code StaffDirectory}; still read from access's tables: the
 * recipients by user name and the enabled members of a group when sending, and the e-mail address
 * of the new-message notice (the directory does not carry them yet).
 * <p>
 * Must never: send e-mail or export a body or an attachment (MSG-1); put a subject, body, file
 * name, name or personnummer in a log line or an exception message; tell a reader who may not
 * read a message whether it exists; serve an attachment as anything but a download of its sniffed
 * type ({@code nosniff}, {@code no-store}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"person", "access", "audit", "shared"})
package se.omsorgsnav.messaging;
