package se.omsorgsnav.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FreeTextTests {

    @Test
    @DisplayName("UX: a text area keeps its line breaks (a browser's CR LF becomes LF); a one-line field refuses them; other control characters never pass")
    void lineBreaks() {
        assertThat(FreeText.requiredLines("body", "Texten", "Hej!\r\n\r\nVänliga hälsningar\tSara\r\n", 100))
                .isEqualTo("Hej!\n\nVänliga hälsningar\tSara");
        assertThatThrownBy(() -> FreeText.required("subject", "Ämnet", "Två\nrader", 100)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("otillåtna tecken");
        assertThatThrownBy(() -> FreeText.requiredLines("body", "Texten", "Klocka\u0007", 100)).isInstanceOf(InvalidInputException.class);
        assertThat(FreeText.optionalLines("body", "Texten", " \r\n ", 100)).isNull();
    }
}
