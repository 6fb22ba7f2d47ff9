package se.omsorgsnav.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An answer written without the application behind it: problem details under {@code /api}, a page
 * without menu or user elsewhere. For failures that leave nothing to draw the layout with (the
 * database is gone) or arrive before Spring MVC (a filter). The texts are the application's own
 * fixed Swedish texts, never input.
 */
final class PlainAnswer {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="sv">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>%s – Omsorgsnav</title>
              <link rel="stylesheet" href="%s/css/app.css">
            </head>
            <body>
            <main id="innehall">
              <h1>%s</h1>
              <p>%s</p>
              <p><a href="%s/">Till startsidan</a></p>
            </main>
            </body>
            </html>
            """;

    private PlainAnswer() {}

    static ResponseEntity<String> entity(HttpServletRequest request, HttpStatus status, String title, String detail, String retryAfter) {
        boolean api = ErrorAnswers.isApi(request);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
                .contentType(api ? MediaType.APPLICATION_PROBLEM_JSON : new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        if (retryAfter != null) {
            answer.header("Retry-After", retryAfter);
        }
        return answer.body(body(request, status, title, detail));
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail,
                      String retryAfter) throws IOException {
        response.resetBuffer();
        response.setStatus(status.value());
        if (retryAfter != null) {
            response.setHeader("Retry-After", retryAfter);
        }
        response.setCharacterEncoding("UTF-8");
        response.setContentType(ErrorAnswers.isApi(request) ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE);
        response.getWriter().write(body(request, status, title, detail));
        response.flushBuffer();
    }

    private static String body(HttpServletRequest request, HttpStatus status, String title, String detail) {
        if (ErrorAnswers.isApi(request)) {
            return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail
                    + "\",\"instance\":\"" + request.getRequestURI().replace("\\", "").replace("\"", "") + "\"}";
        }
        String root = request.getContextPath();
        return PAGE.formatted(title, root, title, detail, root);
    }
}
