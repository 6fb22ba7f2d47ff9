package se.omsorgsnav.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.InvalidInputException.FieldError;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/**
 * Checks the fields of a structured message against its type (MSG-3): every missing or wrong field
 * gets its own Swedish message, all answered at once. Messages never repeat a value.
 */
final class StructuredFields {

    static final int MAX_LENGTH = 500;
    static final String NO_PERSONNUMMER = "Skriv aldrig personnummer i ett meddelande. Personen visas genom ärendet.";

    private StructuredFields() {}

    /** The fields to store, in the type's order, trimmed; blank optional fields left out. */
    static Map<String, String> validate(MessageType type, Map<String, String> input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.keySet().stream().anyMatch(name -> type.field(name).isEmpty())) {
            errors.add(new FieldError("fields", "Meddelandet innehåller uppgifter som inte hör till meddelandetypen " + type.title() + "."));
        }
        Map<String, String> valid = new LinkedHashMap<>();
        for (MessageField field : type.fields()) {
            String value = input.get(field.name());
            String key = "fields." + field.name();
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    errors.add(new FieldError(key, field.label() + " måste anges."));
                }
                continue;
            }
            String v = value.strip();
            String problem = problem(field, v);
            if (problem != null) {
                errors.add(new FieldError(key, problem));
            } else {
                valid.put(field.name(), v);
            }
        }
        if (type == MessageType.ACCESS_ORDER) {
            accessOrderPeriod(valid, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return valid;
    }

    private static String problem(MessageField field, String v) {
        if (v.length() > MAX_LENGTH) {
            return field.label() + " får vara högst " + MAX_LENGTH + " tecken.";
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            return field.label() + " innehåller otillåtna tecken.";
        }
        if (PersonalIdentityNumber.appearsIn(v)) {
            return NO_PERSONNUMMER;
        }
        return switch (field.kind()) {
            case TEXT -> null;
            case DATE -> date(v) == null ? field.label() + " ska vara ett datum, till exempel 2026-12-01." : null;
            case AMOUNT -> amount(v) == null ? field.label() + " ska vara ett belopp i kronor, till exempel 6500." : null;
            case CHOICE -> field.choices().contains(v) ? null : field.label() + ": välj ett av " + String.join(", ", field.choices()) + ".";
        };
    }

    /** 002 §2.2: an added authorisation names its period, at most one year at a time. */
    private static void accessOrderPeriod(Map<String, String> valid, List<FieldError> errors) {
        if (!"ADD".equals(valid.get("orderKind"))) {
            return;
        }
        LocalDate from = date(valid.get("validFrom"));
        LocalDate to = date(valid.get("validTo"));
        if (from == null && !hasError(errors, "fields.validFrom")) {
            errors.add(new FieldError("fields.validFrom", "Behörigheten gäller från måste anges när behörighet ska läggas till."));
        }
        if (to == null && !hasError(errors, "fields.validTo")) {
            errors.add(new FieldError("fields.validTo", "Behörigheten gäller till måste anges när behörighet ska läggas till."));
        }
        if (from != null && to != null && (to.isBefore(from) || to.isAfter(from.plusYears(1)))) {
            errors.add(new FieldError("fields.validTo", "Behörigheten gäller högst ett år i taget och slutar inte före den börjar."));
        }
    }

    private static boolean hasError(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    static LocalDate date(String v) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal amount(String v) {
        try {
            BigDecimal amount = new BigDecimal(v.replace(" ", "").replace("\u00a0", "").replace(',', '.'));
            return amount.signum() < 0 ? null : amount;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
