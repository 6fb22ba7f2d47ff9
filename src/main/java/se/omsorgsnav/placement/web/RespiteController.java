package se.omsorgsnav.placement.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.placement.RespiteBookings;
import se.omsorgsnav.shared.InvalidInputException;

/** Respite places booked without the name (PLC-11): the coordinators book and cancel, the home's staff see their home's bookings. */
@Controller
class RespiteController {

    private final RespiteBookings bookings;

    RespiteController(RespiteBookings bookings) {
        this.bookings = bookings;
    }

    @GetMapping("/placement/respite")
    String page(Model model) {
        return page(model, Map.of(), null);
    }

    @PostMapping("/placement/respite")
    String book(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            UUID home = form.get("homeId") == null || form.get("homeId").isBlank() ? null : UUID.fromString(form.get("homeId"));
            bookings.book(new RespiteBookings.NewBooking(home, form.get("caseNumber"), form.get("fromDate"), form.get("toDate")));
            return "redirect:/placement/respite?bokad";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, form, e.getMessage());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, form, "Välj boendet där avlösningsplatsen finns.");
        }
    }

    @PostMapping("/placement/respite/{id}/cancel")
    String cancel(@PathVariable UUID id, Model model, HttpServletResponse response) {
        try {
            bookings.cancel(id);
            return "redirect:/placement/respite?avbokad";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, Map.of(), e.getMessage());
        }
    }

    private String page(Model model, Map<String, String> form, String error) {
        model.addAttribute("bookings", bookings.coming());
        boolean coordinator = bookings.maySchedule();
        model.addAttribute("coordinator", coordinator);
        model.addAttribute("homes", coordinator ? bookings.homes() : java.util.List.of());
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return "placement/respite";
    }
}
