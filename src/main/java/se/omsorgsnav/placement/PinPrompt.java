package se.omsorgsnav.placement;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Whether this request listed rows that a confirmation with the PIN would show (PROT-10): placement
 * decides the PIN at case level, so an authorised reader without a recent confirmation sees those
 * rows masked, and the page says to confirm rather than showing nothing silently. Held on the
 * request, so that the lists keep their shapes; outside a web request nothing is noted.
 */
@Component
public class PinPrompt {

    private static final String ATTRIBUTE = PinPrompt.class.getName();

    void note() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The page's path to come back to after the PIN, when this request listed such rows; else null. */
    public String continueTo(String page) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)) ? page : null;
    }
}
