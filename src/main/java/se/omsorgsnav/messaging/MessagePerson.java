package se.omsorgsnav.messaging;

import se.omsorgsnav.person.PersonView;

/**
 * The person a message is about, as this reader may see them: from the disclosure gate, so for a
 * reader without authorisation the birth year and the alias only ({@code masked}).
 */
public record MessagePerson(String personalIdentityNumber, String name, boolean masked) {

    static MessagePerson of(PersonView view) {
        return view == null ? null : new MessagePerson(view.personalIdentityNumber(), view.displayName(), view.masked());
    }
}
