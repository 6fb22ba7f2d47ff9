package se.omsorgsnav.placement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.omsorgsnav.placement.RespiteBooking;
import se.omsorgsnav.placement.RespiteBookings;
import se.omsorgsnav.shared.IdempotentRequests;

/** Respite bookings without the name (PLC-11). */
@RestController
@RequestMapping(path = "/api/v1/placement", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Boendeplacering")
class RespiteApiController {

    private final RespiteBookings bookings;

    RespiteApiController(RespiteBookings bookings) {
        this.bookings = bookings;
    }

    record BookingRequest(String idempotencyKey, UUID homeId, String caseNumber, String fromDate, String toDate) {}

    @Operation(summary = "Boka avlösningsplats utan namn",
            description = "Boendesamordnaren bokar boende, period och ärendenummer; namn finns aldrig i bokningen (skyddade personuppgifter, 002 §6.2). "
                    + "400 för okänt ärende, passerat datum eller sista dag före första; 403 för andra roller. 201 med id. "
                    + IdempotentRequests.API_DESCRIPTION)
    @PostMapping(path = "/respite-bookings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, UUID>> book(@RequestBody BookingRequest body) {
        BookingRequest b = body == null ? new BookingRequest(null, null, null, null, null) : body;
        IdempotentRequests.Outcome<UUID> booked = bookings.book(b.idempotencyKey(),
                new RespiteBookings.NewBooking(b.homeId(), b.caseNumber(), b.fromDate(), b.toDate()));
        return booked.answer(URI.create("/api/v1/placement/respite-bookings/" + booked.result()), Map.of("id", booked.result()));
    }

    @Operation(summary = "Kommande avlösningsbokningar",
            description = "Ärendenummer och datum, aldrig namn. Boendesamordnarna ser alla boenden, boendets personal sitt boende.")
    @GetMapping("/respite-bookings")
    List<RespiteBooking> coming() {
        return bookings.coming();
    }

    @Operation(summary = "Avboka avlösningsplats", description = "Boendesamordnaren. 204; 400 om bokningen inte finns eller redan är avbokad.")
    @DeleteMapping("/respite-bookings/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@PathVariable UUID id) {
        bookings.cancel(id);
    }
}
