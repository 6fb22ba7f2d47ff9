package se.omsorgsnav.messaging;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.util.unit.DataSize;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.InvalidInputException.FieldError;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/**
 * Checks the files of a message before anything is stored (MSG-7): how many, how large, the name
 * (path stripped, length, no personnummer) and the type sniffed from the bytes. Every refusal is
 * field {@code attachments}, names the attachment by its place ("Bilaga 2"), and never repeats the
 * file name, which may be what was refused.
 */
final class AttachmentGuard {

    static final int MAX_FILENAME = 200;
    static final String NO_PERSONNUMMER = "Filnamnet får aldrig innehålla personnummer eller samordningsnummer. "
            + "Byt namn på filen; personen visas genom ärendet.";

    /** A file ready to store: its clean name, the type sniffed from it, its digest. */
    record Checked(String filename, String contentType, byte[] content, String sha256) {}

    private AttachmentGuard() {}

    static List<Checked> check(List<NewAttachment> files, int maxCount, DataSize maxSize) {
        if (files.size() > maxCount) {
            throw new InvalidInputException("attachments", "Ett meddelande får ha högst " + maxCount + " bilagor.");
        }
        List<FieldError> errors = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            NewAttachment file = files.get(i);
            String place = "Bilaga " + (i + 1) + ": ";
            String name = filename(file.filename());
            byte[] content = file.content();
            Optional<AttachmentTypes.Kind> kind = name == null ? Optional.empty() : AttachmentTypes.byExtension(name);
            String problem;
            if (name == null || name.isEmpty()) {
                problem = "filnamn saknas. Ge filen ett namn med filändelse, till exempel nivamatning.pdf.";
            } else if (name.length() > MAX_FILENAME) {
                problem = "filnamnet får vara högst " + MAX_FILENAME + " tecken.";
            } else if (name.chars().anyMatch(Character::isISOControl)) {
                problem = "filnamnet innehåller otillåtna tecken.";
            } else if (PersonalIdentityNumber.appearsIn(name)) {
                problem = NO_PERSONNUMMER;
            } else if (content.length == 0) {
                problem = "filen är tom.";
            } else if (content.length > maxSize.toBytes()) {
                problem = "filen är för stor. En bilaga får vara högst " + megabytes(maxSize) + ".";
            } else if (kind.isEmpty()) {
                problem = "filtypen är inte tillåten. Tillåtna filtyper är " + AttachmentTypes.ALLOWED_TEXT + ".";
            } else if (!AttachmentTypes.matches(kind.get(), content)) {
                problem = "filens innehåll stämmer inte med filändelsen, eller är inte en tillåten filtyp. Tillåtna filtyper är "
                        + AttachmentTypes.ALLOWED_TEXT + ".";
            } else {
                problem = null;
                checked.add(new Checked(name, kind.get().contentType, content, sha256(content)));
            }
            if (problem != null) {
                errors.add(new FieldError("attachments", place + problem));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return checked;
    }

    /** The name without any path a client may send ("C:\fakepath\x.pdf", "../x.pdf"), trimmed; null if none. */
    static String filename(String given) {
        if (given == null) {
            return null;
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1).strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        return name;
    }

    static String megabytes(DataSize size) {
        return size.toMegabytes() + " MB";
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
