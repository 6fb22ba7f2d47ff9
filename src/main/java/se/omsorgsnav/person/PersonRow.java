package se.omsorgsnav.person;

import java.time.LocalDate;
import java.util.UUID;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/** One row of the register. Never leaves this package: the gate turns it into a view. */
record PersonRow(UUID id, PersonalIdentityNumber personalIdentityNumber, String firstName, String lastName,
                 String streetAddress, String postalCode, String city, String phone, ProtectionLevel protectionLevel,
                 String fictitiousName, LocalDate dateOfDeath, LocalDate localProtectionUntil) {}
