package se.omsorgsnav.placement.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.omsorgsnav.placement.PinPrompt;

/**
 * Every placement page that listed rows a PIN would show gets {@code confirmWithPin}, the page to
 * come back to after the step-up (templates/placement/pin.html). After the handler, since the lists
 * are decided while it runs; JSON answers have no model and are left alone.
 */
@Configuration
class PinPromptPages implements WebMvcConfigurer, HandlerInterceptor {

    private final PinPrompt prompt;

    PinPromptPages(PinPrompt prompt) {
        this.prompt = prompt;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/placement/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page != null && page.getViewName() != null && !page.getViewName().startsWith("redirect:")) {
            page.addObject("confirmWithPin", prompt.continueTo(request.getRequestURI().substring(request.getContextPath().length())));
        }
    }
}
