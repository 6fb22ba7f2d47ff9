/**
 * The shell: security configuration, layout, start page, login, error pages and the mapping of
 * domain errors to Swedish answers (a page in the browser, RFC 9457 problem details under
 * {@code /api}). Holds no domain rules. Also the audit log's pages and API (search, verification,
 * reviews): audit may depend on nothing but shared, so the shell asks the access catalogue
 * ({@code AuditLogAction}, through {@code AuditReviewAccess} for reviews) before it calls audit's
 * services. The filter chains only require a login (and re-check a browser session's user against
 * the staff register on every request); the start page's work lists are chosen by
 * {@link se.omsorgsnav.web.StartPageAction}.
 * <p>
 * Must never: put personal data in a log line, an error text or a URL (AUD-5); decide access by a
 * role of its own (a URL rule, a role list): the catalogue decides.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"placement", "messaging", "casework", "person", "access", "audit", "shared"})
package se.omsorgsnav.web;
