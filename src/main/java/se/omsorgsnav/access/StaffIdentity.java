package se.omsorgsnav.access;

/**
 * A logged-in principal that is one of our staff, however they logged in (password, OIDC, bearer
 * token). {@link CurrentUsers} recognises only these, so any other principal is nobody (fail closed).
 */
interface StaffIdentity {

    CurrentUser user();
}
