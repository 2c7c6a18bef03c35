package org.tongban.web.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises "the database cannot be reached" in whatever wrapping it arrives: no connection within the
 * pool's timeout ({@link SQLTransientConnectionException}, Spring's {@code CannotGetJdbcConnectionException}),
 * a broken connection (SQL state class 08), a transaction that could not begin for that reason. Such a
 * failure is the portal's, temporary, and answered with 503 and {@code Retry-After}, not 500.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t instanceof CannotCreateTransactionException && t.getCause() == null) {
                return true;
            }
        }
        return false;
    }

    /** One line for the log: the innermost cause's type and message, no stack trace. */
    static String describe(Throwable failure) {
        Throwable cause = failure;
        int depth = 0;
        while (cause.getCause() != null && cause.getCause() != cause && depth++ < 20) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
