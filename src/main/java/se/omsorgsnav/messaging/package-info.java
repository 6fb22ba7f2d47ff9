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
 * else (MSG-5). A text that holds a personnummer is refused; one that names the locked person is
 * refused until the sender confirms, and is then shown only to readers who may see that person
 * (MSG-8). Sending is idempotent per sender and key, all or nothing, and audited (AUD-1).
 * <p>
 * A group message reaches the members of the group when it is sent; a member added later does
 * not read older messages, a member removed later keeps what reached them.
 * <p>
 * Must never: send e-mail or export a body (MSG-1); put a subject, body, name or personnummer in a
 * log line or an exception message; tell a reader who may not read a message whether it exists.
 */
package se.omsorgsnav.messaging;
