package se.omsorgsnav.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The directory where the container buffers uploads over the in-memory threshold
 * ({@code spring.servlet.multipart.location}, else its temporary directory). A multipart request
 * it has no room for is answered 507 before anything reads it: before the security chain, whose CSRF
 * check would otherwise parse the browser's form, fail, and answer 403; before any controller, so
 * that no message is stored without its files. A parse that fails anyway (uploads racing for the
 * last space) is answered 507 by {@link ErrorAnswers}.
 *
 * <p>The container leaves the partial file of a parse that failed while switching from memory to
 * disk; without a sweep, a disk that was full once would stay full. Files of the container's naming
 * not written to for {@link #LEFTOVER_AGE} belong to no running request and are removed when room is
 * short.
 */
final class UploadRoom extends OncePerRequestFilter {

    static final String TITLE = "Filen kunde inte tas emot";
    static final String DETAIL = "Servern har just nu inte plats att ta emot filerna, och ingenting sparades. "
            + "Försök igen senare, och kontakta support om felet kvarstår.";
    static final Duration LEFTOVER_AGE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(UploadRoom.class);

    private final String location;

    UploadRoom(String location) {
        this.location = location;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasRoom(request)) {
            log.warn("Upload refused with 507: the upload directory has no room for it (full, missing or read-only)");
            PlainAnswer.write(request, response, HttpStatus.INSUFFICIENT_STORAGE, TITLE, DETAIL, null);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the directory could take this request's body (after removing leftovers if it could not). */
    boolean hasRoom(HttpServletRequest request) {
        File directory = directory(request.getServletContext());
        if (directory == null) {
            return true;
        }
        long needed = Math.max(0, request.getContentLengthLong());
        if (room(directory, needed)) {
            return true;
        }
        sweep(directory);
        return room(directory, needed);
    }

    private File directory(ServletContext context) {
        return location == null || location.isBlank() ? (File) context.getAttribute(ServletContext.TEMPDIR) : new File(location);
    }

    private static boolean room(File directory, long needed) {
        return directory.isDirectory() && Files.isWritable(directory.toPath()) && directory.getUsableSpace() > needed;
    }

    private static void sweep(File directory) {
        long before = System.currentTimeMillis() - LEFTOVER_AGE.toMillis();
        File[] leftovers = directory.listFiles((dir, name) -> name.startsWith("upload_") && name.endsWith(".tmp"));
        if (leftovers == null) {
            return;
        }
        for (File leftover : leftovers) {
            if (leftover.lastModified() < before && leftover.delete()) {
                log.info("Removed an upload buffer left by a failed upload");
            }
        }
    }
}
