package se.omsorgsnav.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.util.unit.DataSize;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/**
 * Fuzzes the check of a message's attachment (MSG-7): the file name the client sends and the bytes,
 * whose type Apache Tika sniffs. The normal test run replays the corpus in
 * {@code src/test/resources/se/omsorgsnav/messaging/AttachmentGuardFuzzTestsInputs/}; see
 * docs/security-scan.md for fuzzing for real.
 *
 * <p>The input is the file name up to the first line feed, then the file's bytes.
 */
class AttachmentGuardFuzzTests {

    private static final DataSize MAX_SIZE = DataSize.ofMegabytes(1);
    private static final Set<String> STORED_TYPES = Arrays.stream(AttachmentTypes.Kind.values()).map(k -> k.contentType)
            .collect(Collectors.toSet());
    /** What a browser could run or render as a page if it were served: never let through under any name. */
    private static final Set<String> ACTIVE = Set.of("text/html", "application/xhtml+xml", "image/svg+xml", "application/javascript",
            "text/javascript", "application/x-msdownload", "application/x-sh", "application/xml", "text/plain", "application/zip");

    /** Every refusal of the first file: a fixed text, so the file name is never repeated. */
    private static final Set<String> REFUSALS = Set.of(
            "filnamn saknas. Ge filen ett namn med filändelse, till exempel nivamatning.pdf.",
            "filnamnet får vara högst " + AttachmentGuard.MAX_FILENAME + " tecken.",
            "filnamnet innehåller otillåtna tecken.",
            AttachmentGuard.NO_PERSONNUMMER,
            "filen är tom.",
            "filen är för stor. En bilaga får vara högst " + AttachmentGuard.megabytes(MAX_SIZE) + ".",
            "filtypen är inte tillåten. Tillåtna filtyper är " + AttachmentTypes.ALLOWED_TEXT + ".",
            "filens innehåll stämmer inte med filändelsen, eller är inte en tillåten filtyp. Tillåtna filtyper är "
                    + AttachmentTypes.ALLOWED_TEXT + ".").stream().map(problem -> "Bilaga 1: " + problem).collect(Collectors.toSet());

    /**
     * Any name and bytes are either refused with the attachment's own Swedish message (field
     * "attachments", naming the file by its place, never by its name), or accepted as a file whose
     * bytes are of the kind its extension names: clean name, a stored type from the allowed list,
     * and the same answer when checked again. Nothing else is ever thrown.
     */
    @FuzzTest(maxDuration = "2m")
    void anyFileIsAnAllowedTypeByItsBytesOrRefused(byte[] data) {
        int newline = indexOf(data, (byte) '\n');
        String filename = new String(data, 0, newline < 0 ? data.length : newline, StandardCharsets.UTF_8);
        byte[] content = newline < 0 ? new byte[0] : Arrays.copyOfRange(data, newline + 1, data.length);

        List<AttachmentGuard.Checked> checked;
        try {
            checked = AttachmentGuard.check(List.of(new NewAttachment(filename, content)), 5, MAX_SIZE);
        } catch (InvalidInputException refused) {
            assertThat(refused.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("attachments");
                assertThat(error.message()).isIn(REFUSALS);
            });
            return;
        }
        assertThat(checked).hasSize(1);
        AttachmentGuard.Checked file = checked.get(0);
        assertThat(file.filename()).isNotEmpty().hasSizeLessThanOrEqualTo(AttachmentGuard.MAX_FILENAME)
                .doesNotContain("/", "\\").doesNotStartWith(".");
        assertThat(file.filename().chars().noneMatch(Character::isISOControl)).isTrue();
        assertThat(PersonalIdentityNumber.appearsIn(file.filename())).isFalse();
        assertThat(file.contentType()).isIn(STORED_TYPES);
        AttachmentTypes.Kind kind = AttachmentTypes.byExtension(file.filename()).orElseThrow();
        assertThat(file.contentType()).isEqualTo(kind.contentType);
        String sniffed = AttachmentTypes.sniff(content);
        assertThat(sniffed).isIn(kind.sniffed).isNotIn(ACTIVE);
        assertThat(file.content()).isEqualTo(content);
        assertThat(file.sha256()).matches("[0-9a-f]{64}");
        // Checking the stored name and bytes again gives the same answer.
        assertThat(AttachmentGuard.check(List.of(new NewAttachment(file.filename(), file.content())), 5, MAX_SIZE)).singleElement()
                .satisfies(again -> {
                    assertThat(again.filename()).isEqualTo(file.filename());
                    assertThat(again.contentType()).isEqualTo(file.contentType());
                });
    }

    private static int indexOf(byte[] data, byte b) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
