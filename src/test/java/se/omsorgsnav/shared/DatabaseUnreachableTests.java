package se.omsorgsnav.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the database being unavailable (503) and which are not (the 4xx or 500 they were). */
class DatabaseUnreachableTests {

    private static final SQLTransientConnectionException POOL_TIMED_OUT =
            new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms.");

    @Test
    @DisplayName("No connection from the pool, directly, translated, or wrapped by the login, is the database being unavailable")
    void noConnectionIsAnOutage() {
        assertThat(DatabaseUnreachable.explains(POOL_TIMED_OUT)).isTrue();
        assertThat(DatabaseUnreachable.explains(new CannotGetJdbcConnectionException("no connection", POOL_TIMED_OUT))).isTrue();
        assertThat(DatabaseUnreachable.explains(new CannotCreateTransactionException("no transaction", POOL_TIMED_OUT))).isTrue();
        assertThat(DatabaseUnreachable.explains(new InternalAuthenticationServiceException("lookup",
                new CannotGetJdbcConnectionException("no connection", POOL_TIMED_OUT)))).isTrue();
    }

    @Test
    @DisplayName("A connection lost mid-statement (SQL state 08006, the socket timeout) and a statement timeout (57014) are outages")
    void lostConnectionAndTimeoutAreOutages() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006", new SocketTimeoutException("Read timed out"));
        assertThat(DatabaseUnreachable.explains(new UncategorizedSQLException("select", "select 1", lost))).isTrue();
        assertThat(DatabaseUnreachable.explains(new SQLException("canceling statement due to statement timeout", "57014"))).isTrue();
        assertThat(DatabaseUnreachable.explains(new SQLException("the database system is shutting down", "57P03"))).isTrue();
        assertThat(DatabaseUnreachable.explains(new SQLException("could not extend file: No space left on device", "53100"))).isTrue();
    }

    @Test
    @DisplayName("The rollback that fails after a lost connection is judged by the failure that started it")
    void failedRollbackIsJudgedByItsStart() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("rollback", new SQLException("Connection is closed"));
        assertThat(DatabaseUnreachable.explains(rollbackFailed)).isFalse();
        rollbackFailed.initApplicationException(new CannotGetJdbcConnectionException("lost", new SQLException("I/O error", "08006")));
        assertThat(DatabaseUnreachable.explains(rollbackFailed)).isTrue();
    }

    @Test
    @DisplayName("A fault of the request or the code is not an outage: it keeps its own answer")
    void faultsOfRequestOrCodeAreNot() {
        assertThat(DatabaseUnreachable.explains(new DuplicateKeyException("duplicate", new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnreachable.explains(new DataIntegrityViolationException("check", new SQLException("check", "23514")))).isFalse();
        assertThat(DatabaseUnreachable.explains(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseUnreachable.explains(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnreachable.explains(new IOException("client went away"))).isFalse();
        assertThat(DatabaseUnreachable.explains(null)).isFalse();
    }
}
