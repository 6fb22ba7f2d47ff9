package se.omsorgsnav.access;

import java.time.LocalDate;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * The period of a personal authorisation (PROT-6): at most one year at a time, at most three
 * months for lokalt skydd (in wait for Skatteverket's decision, 002 §2.2), not starting in the
 * past. Both ends are days on which the authorisation holds.
 */
public record AuthorizationPeriod(LocalDate validFrom, LocalDate validTo) {

    public static AuthorizationPeriod of(LocalDate validFrom, LocalDate validTo, LocalDate today, boolean localProtection) {
        if (validFrom == null || validTo == null) {
            throw new InvalidInputException("validFrom", "Ange behörighetens period: från och med och till och med.");
        }
        if (validFrom.isBefore(today)) {
            throw new InvalidInputException("validFrom", "Behörigheten kan inte börja före i dag.");
        }
        if (validTo.isBefore(validFrom)) {
            throw new InvalidInputException("validTo", "Behörigheten kan inte sluta innan den börjar.");
        }
        if (localProtection && !validTo.isBefore(validFrom.plusMonths(3))) {
            throw new InvalidInputException("validTo", "Vid lokalt skydd gäller behörigheten högst tre månader.");
        }
        if (!validTo.isBefore(validFrom.plusYears(1))) {
            throw new InvalidInputException("validTo", "Behörigheten gäller högst ett år i taget.");
        }
        return new AuthorizationPeriod(validFrom, validTo);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
