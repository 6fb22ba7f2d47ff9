package se.omsorgsnav.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;

/** The mail server of the tests: keeps every e-mail the application sends, for the canary scan. */
@TestComponent
public class RecordingMailSender implements MailSender {

    private final List<SimpleMailMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(SimpleMailMessage... messages) {
        sent.addAll(List.of(messages));
    }

    public List<SimpleMailMessage> sent() {
        return List.copyOf(sent);
    }
}
