package se.omsorgsnav.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Tells a failure of the database itself (stopped, unreachable, too slow to answer, out of disk,
 * every connection taken) from a fault in the request or the code. The first is answered 503 — the
 * service is unavailable for a while and the request may be sent again — never 401 (as if the
 * password were wrong) or 500 (as if the request were at fault). Nothing in a request that failed
 * this way was committed, except, rarely, when the connection broke during the commit itself: then
 * nobody can know, which is why the answer never claims either.
 */
public final class DatabaseUnreachable {

    private DatabaseUnreachable() {}

    /** Whether the database's unavailability is the failure or one of its causes (wrappers of any depth). */
    public static boolean explains(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isOutage(t)) {
                return true;
            }
            // The rollback after a lost connection fails too ("Connection is closed", no SQL state);
            // the failure that started it is kept beside the cause, not as it.
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && explains(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(Throwable t) {
        // Spring's translations: no connection (CannotGetJdbcConnectionException is one), no
        // transaction, a statement cancelled by a timeout, a connection that broke mid-statement.
        if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                || t instanceof QueryTimeoutException || t instanceof TransientDataAccessResourceException
                || t instanceof TransactionTimedOutException) {
            return true;
        }
        // Untranslated: the pool's "Connection is not available" (SQLTransientConnectionException),
        // a driver's lost connection or expired socket timeout.
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLTimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P01-03: the server is shutting down or starting; 57014: the
            // statement timeout cancelled the query; 53: out of resources (disk full, out of memory,
            // no connection slot left).
            return state.startsWith("08") || state.startsWith("57P") || state.equals("57014") || state.startsWith("53");
        }
        return false;
    }
}
