package se.omsorgsnav.messaging.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import se.omsorgsnav.messaging.AttachmentFile;
import se.omsorgsnav.messaging.MessageAttachments;
import se.omsorgsnav.messaging.NewAttachment;
import se.omsorgsnav.messaging.Inbox;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.messaging.MessageGroups;
import se.omsorgsnav.messaging.MessageType;
import se.omsorgsnav.messaging.MessageView;
import se.omsorgsnav.messaging.Messages;
import se.omsorgsnav.messaging.NewMessage;
import se.omsorgsnav.messaging.NotificationSettings;
import se.omsorgsnav.messaging.SentMessages;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.WarningNotConfirmed;

/**
 * The message pages (MSG-2..MSG-8): inbox, sent messages, a message with its thread and read
 * receipts, and writing one, with the form of the chosen structured type written by hand. Opening
 * a message changes nothing; the page marks it read with a POST as soon as it has loaded (htmx), or
 * with a button without script. A refused form is shown again with each
 * field's own error and the same idempotency key, so that sending it again never makes two.
 */
@Controller
class MessageController {

    /** Structured fields travel as {@code f.<name>} form fields. */
    static final String FIELD_PREFIX = "f.";

    private final Messages messages;
    private final Inbox inbox;
    private final SentMessages sent;
    private final MessageGroups groups;
    private final NotificationSettings notifications;
    private final MessageAttachments attachments;
    private final AccessControl access;

    MessageController(Messages messages, Inbox inbox, SentMessages sent, MessageGroups groups, NotificationSettings notifications,
                      MessageAttachments attachments, AccessControl access) {
        this.access = access;
        this.attachments = attachments;
        this.notifications = notifications;
        this.messages = messages;
        this.inbox = inbox;
        this.sent = sent;
        this.groups = groups;
    }

    /** The messaging actions the pages may offer this user (the routing rules tab, LVS's way on from an order): names only. */
    @ModelAttribute("messagingActions")
    java.util.Set<String> messagingActions() {
        return MessagingPages.offered(access);
    }

    @GetMapping("/messages")
    String inbox(@RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", inbox.page(cursor, null));
        model.addAttribute("first", cursor == null || cursor.isBlank());
        model.addAttribute("byEmail", notifications.byEmail());
        return "messaging/inbox";
    }

    /** MSG-1: the e-mail only says that a message waits. */
    @PostMapping("/messages/notifications")
    String notifications(@RequestParam(required = false) boolean byEmail) {
        notifications.setByEmail(byEmail);
        return "redirect:/messages?avisering";
    }

    @GetMapping("/messages/sent")
    String sent(@RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", sent.page(cursor, null));
        model.addAttribute("first", cursor == null || cursor.isBlank());
        return "messaging/sent";
    }

    /** Opening changes nothing (fault 15): the page marks the message read with a POST, by htmx on load or with its button. */
    @GetMapping("/messages/{id}")
    String message(@PathVariable UUID id, Model model) {
        MessageView view = inbox.open(id);
        model.addAttribute("message", view);
        model.addAttribute("thread", inbox.thread(id));
        model.addAttribute("replyKey", newKey());
        return "messaging/message";
    }

    @PostMapping("/messages/{id}/reply")
    String reply(@PathVariable UUID id, @RequestParam(required = false) String idempotencyKey, @RequestParam(required = false) String body,
                 @RequestParam(required = false) boolean confirmBodyWarning, Model model, HttpServletResponse response) {
        try {
            Messages.Sent reply = messages.compose(new NewMessage(idempotencyKey, null, null, body, null, List.of(), List.of(), Map.of(), id,
                    confirmBodyWarning));
            return "redirect:/messages/" + reply.id() + "?skickat";
        } catch (InvalidInputException e) {
            response.setStatus(e instanceof WarningNotConfirmed ? 422 : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("message", inbox.open(id));
            model.addAttribute("thread", inbox.thread(id));
            model.addAttribute("replyKey", idempotencyKey);
            model.addAttribute("replyBody", body);
            model.addAttribute("replyError", e.getMessage());
            model.addAttribute("replyWarning", e instanceof WarningNotConfirmed);
            return "messaging/message";
        }
    }

    /** Marks the message read: from htmx when the page has loaded (answers the fragment), or the no-script button (back to the message). */
    @PostMapping("/messages/{id}/read")
    String read(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        inbox.markRead(id);
        if (htmx != null) {
            model.addAttribute("messageId", id);
            return "messaging/fragments :: markedRead";
        }
        return "redirect:/messages/" + id + "?last";
    }

    @PostMapping("/messages/{id}/archive")
    String archive(@PathVariable UUID id) {
        inbox.archive(id);
        return "redirect:/messages?arkiverat";
    }

    @GetMapping("/messages/new")
    String compose(@RequestParam(required = false) String type, @RequestParam(required = false) String caseNumber, Model model) {
        Form form = new Form(newKey(), type(type), caseNumber, null, null, "", List.of(), Map.of(), false);
        return composePage(form, model, null);
    }

    /** The fields of the chosen type, for htmx to swap in when the type changes. */
    @GetMapping("/messages/new/fields")
    String fields(@RequestParam(required = false) String type, Model model) {
        model.addAttribute("form", new Form(null, type(type), null, null, null, "", List.of(), Map.of(), false));
        model.addAttribute("errors", Map.of());
        return "messaging/fragments :: typeFields";
    }

    /** An attachment, to the message's sender and recipients only, audited (MSG-7); the page's twin of the API's. */
    @GetMapping("/messages/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        AttachmentFile file = attachments.download(id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, MessageApiController.contentDisposition(file.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(file.content());
    }

    @PostMapping("/messages")
    String send(@RequestParam MultiValueMap<String, String> params,
                @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model, HttpServletResponse response)
            throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(FIELD_PREFIX) && !values.isEmpty() && values.get(0) != null && !values.get(0).isBlank()) {
                fields.put(name.substring(FIELD_PREFIX.length()), values.get(0));
            }
        });
        List<UUID> groupIds;
        try {
            groupIds = params.getOrDefault("group", List.of()).stream().map(UUID::fromString).toList();
        } catch (IllegalArgumentException e) {
            groupIds = List.of(new UUID(0, 0));
        }
        Form form = new Form(params.getFirst("idempotencyKey"), type(params.getFirst("type")), params.getFirst("caseNumber"),
                params.getFirst("subject"), params.getFirst("body"), params.getFirst("users") == null ? "" : params.getFirst("users"),
                groupIds, fields, "true".equals(params.getFirst("confirmBodyWarning")));
        try {
            List<NewAttachment> attached = new ArrayList<>();
            for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                if (!file.isEmpty()) {
                    attached.add(new NewAttachment(file.getOriginalFilename(), file.getBytes()));
                }
            }
            // The type as asked, not as the form shows it: a record's type asked for by hand is refused, never turned into another.
            String type = params.getFirst("type") == null || params.getFirst("type").isBlank() ? MessageType.FREE_TEXT.name() : params.getFirst("type");
            Messages.Sent message = messages.compose(new NewMessage(form.idempotencyKey(), type, form.subject(), form.body(),
                    form.caseNumber(), usernames(form.users()), form.groups(), fields, null, form.confirmBodyWarning(), attached));
            return "redirect:/messages/" + message.id() + "?skickat";
        } catch (InvalidInputException e) {
            response.setStatus(e instanceof WarningNotConfirmed ? 422 : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("warning", e instanceof WarningNotConfirmed);
            return composePage(form, model, e);
        }
    }

    private String composePage(Form form, Model model, InvalidInputException problem) {
        model.addAttribute("form", form);
        // A record's type comes only from its record (fault 17): the page offers the types written by hand.
        model.addAttribute("types", Arrays.stream(MessageType.values()).filter(MessageType::composedByHand).toList());
        model.addAttribute("groups", groups.all());
        model.addAttribute("errors", problem == null ? Map.of()
                : problem.errors().stream().collect(Collectors.toMap(InvalidInputException.FieldError::field,
                        InvalidInputException.FieldError::message, (a, b) -> a + " " + b, LinkedHashMap::new)));
        return "messaging/compose";
    }

    /** What the compose form holds, to show it again as the user wrote it. */
    record Form(String idempotencyKey, MessageType type, String caseNumber, String subject, String body, String users, List<UUID> groups,
                Map<String, String> fields, boolean confirmBodyWarning) {

        public String field(String name) {
            return fields.getOrDefault(name, "");
        }
    }

    private static MessageType type(String input) {
        return Arrays.stream(MessageType.values()).filter(t -> t.name().equals(input)).filter(MessageType::composedByHand).findFirst()
                .orElse(MessageType.FREE_TEXT);
    }

    private static List<String> usernames(String input) {
        return Arrays.stream(input.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String newKey() {
        return "form-" + UUID.randomUUID();
    }
}
