package dev.modelarts.local.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which database failures mean "unavailable, try again" (503) rather than a fault (500). */
class DatabaseExceptionMapperTest {

    @ParameterizedTest(name = "SQLState {0}: unavailable {1}")
    @CsvSource({
        "08001, true",  // cannot connect
        "08006, true",  // connection failure
        "57P01, true",  // admin shutdown ("terminating connection due to administrator command")
        "57P03, true",  // cannot connect now (starting up)
        "23505, false", // unique violation
        "42P01, false", // undefined table
    })
    void bySqlState(String state, boolean unavailable) {
        var e = new UnableToExecuteStatementException(new SQLException("x", state), null);
        assertThat(DatabaseExceptionMapper.isUnavailable(e)).isEqualTo(unavailable);
    }

    @Test
    void aPoolTimeoutIsUnavailable() {
        assertThat(DatabaseExceptionMapper.isUnavailable(
                new ConnectionException(new SQLTransientConnectionException("pool timeout")))).isTrue();
    }
}
