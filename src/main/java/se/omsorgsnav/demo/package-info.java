/**
 * Demo data for the zero-setup start: one user per role, persons of every protection level with
 * relatives and aliases, cases, and authorisations that are valid, expired, not yet valid and
 * revoked. Personnummer use födelsenummer 982–996, the range of Skatteverket's published test
 * personnummer, so they can never belong to a real person.
 * <p>
 * Only in the demo profile, and only on the embedded H2 database unless a test explicitly allows
 * another: demo users with known passwords must never reach a production database.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package se.omsorgsnav.demo;
