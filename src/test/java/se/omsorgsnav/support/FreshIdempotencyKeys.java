package se.omsorgsnav.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every creating API call takes an idempotency key (issue 15). The tests written before that send
 * none, and each of their calls is meant as a new request: this gives such a JSON body a fresh key
 * of its own, so that they go on testing what they tested. A body that names {@code idempotencyKey}
 * (with any value, also null) is sent as written, and so is any request with the attribute
 * {@link #AS_WRITTEN}: the tests of the key itself (IdempotencyApiTests) use those. Messages are
 * left alone: their key was required from the start, and their tests send it.
 */
public class FreshIdempotencyKeys implements MockMvcBuilderCustomizer, RequestPostProcessor {

    /** Request attribute: send the body exactly as the test wrote it, also without a key. */
    public static final String AS_WRITTEN = FreshIdempotencyKeys.class.getName() + ".AS_WRITTEN";

    /** The creating calls that took no key before issue 15. */
    private static final Pattern CREATING = Pattern.compile("/api/v1/(cases|cases/[^/]+/authorizations|intakes|deviations|persons"
            + "|authorization-requests|audit/reviews|message-groups/[^/]+/members"
            + "|placement/(decisions|allocations|apartments|vacancies|respite-bookings))");

    @Override
    public void customize(org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder<?> builder) {
        builder.defaultRequest(MockMvcRequestBuilders.get("/").with(this));
    }

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getAttribute(AS_WRITTEN) != null
                || !CREATING.matcher(request.getRequestURI()).matches()
                || request.getContentType() == null || !request.getContentType().startsWith(MediaType.APPLICATION_JSON_VALUE)
                || request.getContentAsByteArray() == null) {
            return request;
        }
        String body = new String(request.getContentAsByteArray(), StandardCharsets.UTF_8).strip();
        if (!body.startsWith("{") || body.contains("\"idempotencyKey\"")) {
            return request;
        }
        String rest = body.substring(1).strip();
        request.setContent(("{\"idempotencyKey\":\"test-" + UUID.randomUUID() + "\"" + (rest.startsWith("}") ? "" : ",") + rest)
                .getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
