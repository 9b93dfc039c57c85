package com.replybook.kb.db;

import java.sql.SQLException;

/** An unexpected database failure; answered as 500 and logged, never shown to users in detail. */
public final class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public DataAccessException(String message, SQLException cause) {
        super(message, cause);
    }
}
