package se.omsorgsnav.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;
import se.omsorgsnav.shared.DatabaseUnreachable;

/**
 * The answer while the database does not answer: 503 with a Swedish text, problem details under
 * {@code /api}, a plain page elsewhere. The page has no menu and no user: drawing them reads the
 * database. It claims neither that nothing was saved nor that something was: when the connection
 * broke during a commit, nobody knows.
 *
 * <p>The same answer wherever the failure is seen: a controller ({@link ErrorAnswers}), the login
 * (the failure handler and the API's entry point in {@link SecurityConfiguration}), and, as this
 * filter in front of the security chain, everything before a controller — the browser session's
 * re-check against the staff register ({@link SessionRevalidation}), a bearer token's staff
 * lookup, a page that failed while it was drawn.
 */
final class DatabaseOutageAnswer extends OncePerRequestFilter {

    static final String TITLE = "Tjänsten är tillfälligt otillgänglig";
    static final String DETAIL = "Databasen svarar inte just nu, så begäran kunde inte slutföras. Försök igen om en stund.";
    /** Seconds a client should wait before it tries again: the pool reconnects within them. */
    static final String RETRY_AFTER = "5";

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageAnswer.class);

    /** For a handler: the answer as a response entity. */
    static ResponseEntity<String> entity(HttpServletRequest request, Throwable failure) {
        logged(failure);
        return PlainAnswer.entity(request, HttpStatus.SERVICE_UNAVAILABLE, TITLE, DETAIL, RETRY_AFTER);
    }

    /** For a filter or a security handler: the answer written to the response. */
    static void write(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
        logged(failure);
        PlainAnswer.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, TITLE, DETAIL, RETRY_AFTER);
    }

    /** One line per answer, exception types only: a driver's message may quote SQL parameters (AUD-5). */
    private static void logged(Throwable failure) {
        StringBuilder types = new StringBuilder();
        for (Throwable t = failure; t != null && types.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
            types.append(types.isEmpty() ? "" : " < ").append(t.getClass().getSimpleName());
        }
        log.warn("Database unreachable, answered 503: {}", types);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnreachable.explains(e) || response.isCommitted()) {
                throw e;
            }
            write(request, response, e);
        }
    }

    /** The container's error page reads the session's user too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
