/**
 * The shell: security configuration, layout, start page, login, error pages and the mapping of
 * domain errors to Swedish answers (a page in the browser, RFC 9457 problem details under
 * {@code /api}). Holds no domain rules.
 * <p>
 * Must never: put personal data in a log line, an error text or a URL (AUD-5).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"placement", "messaging", "casework", "person", "access", "audit", "shared"})
package se.omsorgsnav.web;
