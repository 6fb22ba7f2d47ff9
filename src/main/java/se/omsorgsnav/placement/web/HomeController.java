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
import se.omsorgsnav.placement.Apartments;
import se.omsorgsnav.placement.CareProfile;
import se.omsorgsnav.placement.Tenancies;
import se.omsorgsnav.placement.Vacancies;
import se.omsorgsnav.placement.VacancyReason;
import se.omsorgsnav.shared.InvalidInputException;

/** The nursing home's page for its unit manager (PLC-3): the apartments and the vacancy reports. */
@Controller
class HomeController {

    private final Apartments apartments;
    private final Vacancies vacancies;
    private final Tenancies tenancies;

    HomeController(Apartments apartments, Vacancies vacancies, Tenancies tenancies) {
        this.apartments = apartments;
        this.vacancies = vacancies;
        this.tenancies = tenancies;
    }

    @GetMapping("/placement/home")
    String home(Model model) {
        return page(model, Map.of(), null);
    }

    @PostMapping("/placement/apartments")
    String add(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            apartments.add(new Apartments.ApartmentForm(form.get("number"), form.get("careProfile"), form.get("remarks"), form.get("monthlyRent")));
            return "redirect:/placement/home?lagenhet";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, form, e.getMessage());
        }
    }

    @PostMapping("/placement/vacancies")
    String report(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            UUID apartment = form.get("apartmentId") == null || form.get("apartmentId").isBlank() ? null : UUID.fromString(form.get("apartmentId"));
            vacancies.report(new Vacancies.Report(apartment, form.get("reason"), form.get("eventDate"), form.get("readyOn"), form.get("caseNumber"),
                    form.get("remarks")));
            return "redirect:/placement/home?rapporterad";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, form, e.getMessage());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, form, "Välj en av boendets lägenheter.");
        }
    }

    @PostMapping("/placement/tenancies/{id}/welcome-talk")
    String welcomeTalk(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            tenancies.welcomeTalk(id, form.get("welcomeTalkOn"), form.get("welcomeTalkWith"));
            return "redirect:/placement/home?valkomstsamtal";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, Map.of(), e.getMessage());
        }
    }

    private String page(Model model, Map<String, String> form, String error) {
        model.addAttribute("apartments", apartments.ofMyHome());
        model.addAttribute("vacancies", vacancies.ofMyHome());
        model.addAttribute("tenants", tenancies.ofMyHome());
        model.addAttribute("profiles", CareProfile.values());
        model.addAttribute("reasons", VacancyReason.values());
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return "placement/home";
    }
}
