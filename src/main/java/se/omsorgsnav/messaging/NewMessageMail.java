package se.omsorgsnav.messaging;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.omsorgsnav.access.StaffDirectory;

/**
 * Tells recipients who asked for it, by e-mail, that a message waits (MSG-1, 002 §3.2). The
 * e-mail says exactly {@link #SUBJECT} and {@link #TEXT}: never who sent it, what it is about, a
 * case number or a link that names the message, because e-mail leaves the municipality's systems.
 * Sent after the message committed, from the event registry, so a mail server that is down
 * delays the notice and never the message. Without a configured mail server nothing is sent.
 */
@Component
class NewMessageMail {

    static final String SUBJECT = "Nytt meddelande i Omsorgsnav";
    static final String TEXT = "Du har ett nytt meddelande. Logga in i Omsorgsnav för att läsa det.\n\n"
            + "Det här e-postmeddelandet innehåller inga uppgifter om ärendet. Svara inte på det.";

    private static final Logger log = LoggerFactory.getLogger(NewMessageMail.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<MailSender> mail;
    private final String from;
    private final StaffDirectory staff;

    NewMessageMail(JdbcClient jdbc, ObjectProvider<MailSender> mail, @Value("${omsorgsnav.mail.from:omsorgsnav@kommun.invalid}") String from,
                   StaffDirectory staff) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.mail = mail;
        this.from = from;
    }

    @ApplicationModuleListener
    void on(MessageSent sent) {
        MailSender sender = mail.getIfAvailable();
        if (sender == null || sent.recipients().isEmpty()) {
            return;
        }
        // Who asked for notices is messaging's own setting; the address (of users enabled now) the access module's.
        List<UUID> byEmail = jdbc.sql("select user_id from message_notification_setting where user_id in (:ids) and by_email = true")
                .param("ids", sent.recipients()).query(UUID.class).list();
        List<String> addresses = staff.emailAddressesOf(byEmail);
        if (addresses.isEmpty()) {
            return;
        }
        SimpleMailMessage[] notices = addresses.stream().map(address -> {
            SimpleMailMessage notice = new SimpleMailMessage();
            notice.setFrom(from);
            notice.setTo(address);
            notice.setSubject(SUBJECT);
            notice.setText(TEXT);
            return notice;
        }).toArray(SimpleMailMessage[]::new);
        try {
            sender.send(notices);
        } catch (MailException e) {
            // The registry retries the event; the log names neither the addresses nor the message.
            log.warn("New-message e-mail notices could not be sent ({} recipients): {}", addresses.size(), e.getClass().getSimpleName());
            throw e;
        }
    }
}
