package se.omsorgsnav.person;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a text names a locked person — a protected person, or one linked to a protected person
 * (PROT-5) — or the persons linked to it: the check behind "the message names the protected
 * person" (MSG-8). It answers yes or no and nothing else, so the real name never leaves this
 * module, whoever asks; the caller must treat a yes as a refusal it records (a yes tells that a
 * guess was right). For a person who is not locked the answer is always no: names of unprotected
 * persons may be written in a message.
 */
@Component
public class ProtectedNames {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final PersonRows rows;

    ProtectedNames(PersonRows rows) {
        this.rows = rows;
    }

    /** Four statements, whatever the texts. Names match as whole words, in any case, "Åsa" as "åsa". */
    @Transactional(readOnly = true)
    public boolean appearIn(UUID personId, Collection<String> texts) {
        Map<UUID, PersonRow> person = rows.byIds(List.of(personId));
        PersonRow row = person.get(personId);
        if (row == null || texts.stream().allMatch(t -> t == null || t.isBlank())) {
            return false;
        }
        boolean locked = row.protectionLevel().isProtected() || !rows.protectedLinks(List.of(personId)).getOrDefault(personId, Set.of()).isEmpty();
        if (!locked) {
            return false;
        }
        Set<UUID> named = new HashSet<>();
        named.add(personId);
        rows.linksOf(List.of(personId)).forEach(link -> named.add(link.relatedPersonId()));
        List<String> words = new ArrayList<>();
        for (PersonRow r : rows.byIds(named).values()) {
            words.addAll(words(r.firstName()));
            words.addAll(words(r.lastName()));
        }
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String normalised = normalise(text);
            for (String word : words) {
                if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(normalised).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The parts of a name ("Anna-Karin" is "anna" and "karin"); single letters are not names. */
    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        if (name == null) {
            return words;
        }
        for (String part : normalise(name).split("[\\s\\-]+")) {
            if (part.length() >= 2) {
                words.add(part);
            }
        }
        return words;
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(SWEDISH);
    }
}
