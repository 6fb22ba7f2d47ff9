package se.omsorgsnav.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;

/** Each user's own choice of being told by e-mail that a message waits (MSG-1); off unless chosen. */
@Component
public class NotificationSettings {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final Clock clock;

    NotificationSettings(JdbcClient jdbc, CurrentUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean byEmail() {
        return jdbc.sql("select by_email from message_notification_setting where user_id = ?").param(users.current().id())
                .query(Boolean.class).optional().orElse(false);
    }

    @Transactional
    public void setByEmail(boolean byEmail) {
        CurrentUser me = users.current();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("update message_notification_setting set by_email = ?, changed_at = ? where user_id = ?")
                .params(byEmail, now, me.id()).update();
        if (updated == 0) {
            jdbc.sql("insert into message_notification_setting (user_id, by_email, changed_at) values (?, ?, ?) on conflict do nothing")
                    .params(me.id(), byEmail, now).update();
        }
    }
}
