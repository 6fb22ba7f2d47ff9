package se.omsorgsnav.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.StepUpRequired;
import se.omsorgsnav.shared.DatabaseUnreachable;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.NotFoundException;

/**
 * Turns every failure into a Swedish answer: a page in the browser, a problem detail under
 * {@code /api}. Messages are fixed texts or the domain's own Swedish messages, which never repeat
 * the input; the log gets the exception's type and stack, never its message, since a driver's or
 * parser's message may quote a personnummer or a name (AUD-5).
 */
@ControllerAdvice
class ErrorAnswers {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    private final CurrentUsers users;
    private final LayoutModel layout;
    private final String uploadLimits;
    private final UploadRoom uploads;

    ErrorAnswers(CurrentUsers users, LayoutModel layout, @Value("${omsorgsnav.messaging.attachments.max-size:10MB}")
                 DataSize maxSize,
                 @Value("${omsorgsnav.messaging.attachments.max-count:5}") int maxCount,
                 @Value("${spring.servlet.multipart.location:}") String uploadLocation) {
        this.uploads = new UploadRoom(uploadLocation);
        this.users = users;
        this.layout = layout;
        this.uploadLimits = "En bilaga får vara högst " + maxSize.toMegabytes() + " MB och ett meddelande ha högst " + maxCount + " bilagor.";
    }

    @ExceptionHandler(AccessDenied.class)
    Object denied(HttpServletRequest request) {
        return answer(request, HttpStatus.FORBIDDEN, AccessDenied.MESSAGE, AccessDenied.MESSAGE, "error/access-denied");
    }

    /**
     * Authorised but not yet confirmed: to the PIN page and back (PROT-10). Only a path travels,
     * never data. The API has no PIN: there only a bearer token from a login that is too old, or
     * without auth_time, falls short (HTTP Basic always counts), so the answer asks for a new login.
     */
    @ExceptionHandler(StepUpRequired.class)
    Object stepUp(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        if (isApi(request)) {
            return problem(HttpStatus.FORBIDDEN, "Ny inloggning krävs",
                    "Personen har skyddade personuppgifter och visas bara efter en nyligen gjord inloggning. "
                            + "Logga in på nytt hos organisationens inloggning och försök igen med den nya token.");
        }
        String back = "GET".equals(request.getMethod()) ? request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) : "/";
        String target = request.getContextPath() + "/step-up?continue=" + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8);
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", target);
            return ResponseEntity.noContent().build();
        }
        return new ModelAndView("redirect:" + target);
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalid(InvalidInputException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.BAD_REQUEST, "Felaktiga uppgifter", e.getMessage());
        problem.getBody().setProperty("field", e.field());
        if (e.errors().size() > 1) {
            problem.getBody().setProperty("errors", e.errors());
        }
        return isApi(request) ? problem : page(HttpStatus.BAD_REQUEST, "Felaktiga uppgifter", e.getMessage(), "error/problem");
    }

    /** Taken by someone else first (PLC-4): 409, and the user chooses again. */
    @ExceptionHandler(se.omsorgsnav.shared.ConflictException.class)
    Object conflict(se.omsorgsnav.shared.ConflictException e, HttpServletRequest request) {
        return answer(request, HttpStatus.CONFLICT, "Någon hann före", e.getMessage(), "error/problem");
    }

    /** Refused until confirmed (MSG-8): the client sends the request again with the confirmation. */
    @ExceptionHandler(se.omsorgsnav.shared.WarningNotConfirmed.class)
    Object unconfirmed(se.omsorgsnav.shared.WarningNotConfirmed e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Kontrollera texten", e.getMessage());
        problem.getBody().setProperty("field", e.field());
        problem.getBody().setProperty("confirmable", true);
        return isApi(request) ? problem : page(HttpStatus.UNPROCESSABLE_CONTENT, "Kontrollera texten", e.getMessage(), "error/problem");
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "Hittades inte", e.getMessage(), "error/problem");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, "Felaktig begäran",
                "Innehållet kunde inte läsas. Skicka giltig JSON med de fält som beskrivs i API-dokumentationen.", "error/problem");
    }

    /**
     * A file or a request over the multipart limits (spring.servlet.multipart.*, set to the
     * attachment limits, MSG-7): refused before it reaches a controller, so nothing was stored.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        return answer(request, HttpStatus.CONTENT_TOO_LARGE, "För stor fil",
                "Filen eller filerna är för stora och ingenting sparades. " + uploadLimits, "error/problem");
    }

    /**
     * A multipart request the container could not read: usually a malformed one (400). When the
     * disk where the container buffers uploads is full or unwritable (spring.servlet.multipart.location),
     * 507: the request is refused before any controller runs, so no message is stored without its files.
     */
    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    Object badMultipart(Exception e, HttpServletRequest request) {
        if (uploadCouldNotBeBuffered(e) || !uploads.hasRoom(request)) {
            log.warn("Upload refused with 507: the container could not buffer it (upload directory full, missing or read-only)");
            return answer(request, HttpStatus.INSUFFICIENT_STORAGE, UploadRoom.TITLE, UploadRoom.DETAIL, "error/problem");
        }
        return answer(request, HttpStatus.BAD_REQUEST, "Felaktig begäran",
                "Innehållet kunde inte läsas. Skicka delen message som application/json och varje fil som en egen del attachments.",
                "error/problem");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedType(HttpServletRequest request) {
        return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Fel innehållstyp",
                "Innehållstypen stöds inte. Skicka application/json, eller multipart/form-data för ett meddelande med bilagor.", "error/problem");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<String> notAcceptable() {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.TEXT_PLAIN)
                .body("Svaret kan bara ges som JSON.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object wrongMethod(HttpServletRequest request) {
        return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "Metoden stöds inte",
                "Adressen finns men kan inte användas på det sättet.", "error/problem");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    Object badParameter(HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, "Felaktig begäran", "En uppgift saknas eller har fel format.", "error/problem");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noSuchPage(HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "Sidan finns inte", "Sidan finns inte. Kontrollera adressen.", "error/problem");
    }

    /**
     * The database did not answer (stopped, unreachable, too slow, every connection taken): 503, and
     * the client may try again; not the 500 of a fault in the request or the code.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            QueryTimeoutException.class, TransientDataAccessResourceException.class, TransactionTimedOutException.class})
    ResponseEntity<String> databaseUnreachable(Exception e, HttpServletRequest request) {
        return DatabaseOutageAnswer.entity(request, e);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnreachable.explains(e)) {
            // Wrapped by someone on the way (a listener, a library): still the database, still 503.
            return DatabaseOutageAnswer.entity(request, e);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error, reference {}: {}", reference, withoutMessages(e));
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "Något gick fel",
                "Något gick fel och ingenting sparades. Försök igen, och kontakta support med referens " + reference + " om felet kvarstår.",
                "error/problem");
    }

    /** A file could not be written, as opposed to a request that could not be read (which is the client's). */
    static boolean uploadCouldNotBeBuffered(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.file.FileSystemException || t instanceof java.io.FileNotFoundException) {
                return true;
            }
            // ENOSPC and EDQUOT have no exception type of their own; the JDK gives the C library's text.
            if (t instanceof java.io.IOException && t.getMessage() != null
                    && (t.getMessage().contains("No space left on device") || t.getMessage().contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }

    /** The chain of exception types and their stack frames: where it broke, never what the data was. */
    static String withoutMessages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t == e ? "" : " caused by ").append(t.getClass().getName()).append(" at ")
                    .append(Arrays.stream(t.getStackTrace()).limit(8).map(StackTraceElement::toString)
                            .collect(Collectors.joining(" < ")));
        }
        return sb.toString();
    }

    private Object answer(HttpServletRequest request, HttpStatus status, String title, String detail, String view) {
        return isApi(request) ? problem(status, title, detail) : page(status, title, detail, view);
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Model attributes of controller advice do not reach exception handlers: the header needs the user and the menu. */
    private ModelAndView page(HttpStatus status, String title, String detail, String view) {
        ModelAndView page = new ModelAndView(view);
        page.addObject("me", users.find().orElse(null));
        page.addObject("nav", layout.nav());
        page.setStatus(status);
        page.addObject("title", title);
        page.addObject("detail", detail);
        return page;
    }
}
