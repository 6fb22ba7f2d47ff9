package se.omsorgsnav.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * Which files may travel with a message (MSG-7), decided from their bytes. Apache Tika's registry
 * names the type from the magic numbers alone (the file name is not given to it), and that type
 * must be one the file's extension allows: a renamed HTML page, SVG image, program or plain ZIP
 * archive is refused whatever it is called. Tika's core tells the containers apart (PDF, PNG,
 * JPEG, an OLE2 compound file, an Office Open XML package, an OpenDocument package); which document
 * a container holds is then checked by the part it must have (Word's "WordDocument" stream, an
 * OOXML package's main part), so that an archive is not a document because it is named like one.
 */
final class AttachmentTypes {

    static final String ALLOWED_TEXT = "PDF, PNG, JPEG, Word (doc, docx), Excel (xls, xlsx) och OpenDocument (odt, ods)";

    private static final String OLE2 = "application/x-tika-msoffice";
    private static final String OOXML = "application/x-tika-ooxml";
    private static final MimeTypes REGISTRY = MimeTypes.getDefaultMimeTypes();

    /** An allowed kind of file: its extensions, the type stored and served, and the sniffed types it may have. */
    enum Kind {
        PDF(Set.of("pdf"), "application/pdf", Set.of("application/pdf"), null),
        PNG(Set.of("png"), "image/png", Set.of("image/png"), null),
        JPEG(Set.of("jpg", "jpeg"), "image/jpeg", Set.of("image/jpeg"), null),
        WORD(Set.of("doc"), "application/msword", Set.of(OLE2, "application/msword"), utf16("WordDocument")),
        EXCEL(Set.of("xls"), "application/vnd.ms-excel", Set.of(OLE2, "application/vnd.ms-excel"), utf16("Workbook")),
        WORD_OOXML(Set.of("docx"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of(OOXML),
                ascii("word/document.xml")),
        EXCEL_OOXML(Set.of("xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of(OOXML),
                ascii("xl/workbook.xml")),
        ODF_TEXT(Set.of("odt"), "application/vnd.oasis.opendocument.text", Set.of("application/vnd.oasis.opendocument.text"), null),
        ODF_SPREADSHEET(Set.of("ods"), "application/vnd.oasis.opendocument.spreadsheet",
                Set.of("application/vnd.oasis.opendocument.spreadsheet"), null);

        final Set<String> extensions;
        final String contentType;
        final Set<String> sniffed;
        /** A part the container must hold (its name as stored in the container), or null. */
        final byte[] part;

        Kind(Set<String> extensions, String contentType, Set<String> sniffed, byte[] part) {
            this.extensions = extensions;
            this.contentType = contentType;
            this.sniffed = sniffed;
            this.part = part;
        }
    }

    private AttachmentTypes() {}

    /** The kind the extension names, if it is an allowed one. */
    static Optional<Kind> byExtension(String filename) {
        int dot = filename.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(Kind.values()).filter(k -> k.extensions.contains(extension)).findFirst();
    }

    /** Whether the bytes are a file of this kind: the type sniffed from them agrees, and the container holds its part. */
    static boolean matches(Kind kind, byte[] content) {
        return kind.sniffed.contains(sniff(content)) && (kind.part == null || indexOf(content, kind.part) >= 0);
    }

    /** The type Tika names from the bytes alone (magic numbers and container markers), without parameters. */
    static String sniff(byte[] content) {
        try (TikaInputStream in = TikaInputStream.get(content)) {
            return REGISTRY.detect(in, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    private static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    /** OLE2 directory entries name their streams in UTF-16LE. */
    private static byte[] utf16(String name) {
        return name.getBytes(StandardCharsets.UTF_16LE);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
