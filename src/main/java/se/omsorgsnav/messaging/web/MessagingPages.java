package se.omsorgsnav.messaging.web;

import java.util.Set;
import java.util.stream.Collectors;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.messaging.MessageAction;

/** What the messaging pages offer a user, from the catalogue: a template asks by name, never by role. */
final class MessagingPages {

    private MessagingPages() {}

    static Set<String> offered(AccessControl access) {
        return access.permitted(MessageAction.class, Target.NONE).stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
