package se.omsorgsnav.access.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.access.StepUp;
import se.omsorgsnav.shared.InvalidInputException;

/** The PIN box before a protected case opens (PROT-10), and setting one's own PIN. */
@Controller
class StepUpController {

    /** Only a local path may be the way back: never another site, never a scheme. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.?=&-]{0,300}");

    private final StepUp stepUp;

    StepUpController(StepUp stepUp) {
        this.stepUp = stepUp;
    }

    @GetMapping("/step-up")
    String form(@RequestParam(name = "continue", required = false) String back, Model model) {
        model.addAttribute("continue", safe(back));
        model.addAttribute("hasPin", stepUp.hasPin());
        return "access/step-up";
    }

    @PostMapping("/step-up")
    String confirm(@RequestParam(name = "pin", required = false) String pin, @RequestParam(name = "continue", required = false) String back,
                   Model model, HttpServletResponse response) {
        try {
            stepUp.confirm(pin);
            return "redirect:" + safe(back);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("continue", safe(back));
            model.addAttribute("hasPin", stepUp.hasPin());
            return "access/step-up";
        }
    }

    @GetMapping("/account/pin")
    String pinForm() {
        return "access/pin";
    }

    @PostMapping("/account/pin")
    String setPin(@RequestParam(name = "password", required = false) String password, @RequestParam(name = "pin", required = false) String pin,
                  Model model, HttpServletResponse response) {
        try {
            stepUp.setPin(password, pin);
            return "redirect:/account/pin?sparad";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            return "access/pin";
        }
    }

    private static String safe(String back) {
        return back != null && LOCAL_PATH.matcher(back).matches() ? back : "/";
    }
}
