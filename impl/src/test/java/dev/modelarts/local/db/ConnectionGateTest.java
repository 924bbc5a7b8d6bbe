package dev.modelarts.local.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The gate with a pool that answers as told and a clock the test moves. */
class ConnectionGateTest {

    private final Deque<SQLException> failures = new ArrayDeque<>();
    private int asked;
    private long now = 1_000_000_000L;
    private final ConnectionGate gate = new ConnectionGate(() -> {
        asked++;
        if (!failures.isEmpty()) {
            throw failures.pop();
        }
        return null; // a connection; the gate never looks into it
    }, () -> now);

    /** What Hikari throws when it could make no connection: its timeout, caused by the refusal. */
    private static SQLException databaseDown() {
        return new SQLTransientConnectionException("modelarts-db - Connection is not available", "08001",
                new SQLException("Connection refused", "08001", new ConnectException("Connection refused")));
    }

    /** What Hikari throws when every connection is in use: a timeout with no cause. */
    private static SQLException poolBusy() {
        return new SQLTransientConnectionException("modelarts-db - Connection is not available");
    }

    @Test
    void anUnreachableDatabaseFailsTheAsksOfTheNextSecondWithoutAskingThePool() throws Exception {
        failures.push(databaseDown());
        assertThatThrownBy(gate::connection).hasMessageContaining("Connection is not available");
        assertThat(asked).isEqualTo(1);

        now += TimeUnit.MILLISECONDS.toNanos(300);
        assertThatThrownBy(gate::connection).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("could not be reached 300 ms ago")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
        assertThat(asked).as("the pool was not asked again").isEqualTo(1);

        now += ConnectionGate.CLOSED_NANOS;
        Connection connection = gate.connection();
        assertThat(connection).isNull();
        assertThat(asked).as("asked again after the second").isEqualTo(2);
        gate.connection();
        assertThat(asked).as("and every time once it answered").isEqualTo(3);
    }

    @Test
    void aBusyPoolDoesNotCloseTheGate() throws Exception {
        failures.push(poolBusy());
        assertThatThrownBy(gate::connection).isInstanceOf(SQLTransientConnectionException.class);
        gate.connection();
        assertThat(asked).isEqualTo(2);
    }

    @Test
    void aDatabaseStillDownAfterTheSecondClosesTheGateAgain() throws Exception {
        failures.push(databaseDown());
        assertThatThrownBy(gate::connection).isInstanceOf(SQLException.class);
        now += ConnectionGate.CLOSED_NANOS + 1;
        failures.push(databaseDown());
        assertThatThrownBy(gate::connection).hasMessageContaining("Connection is not available");
        assertThatThrownBy(gate::connection).hasMessageContaining("not asked again yet");
        assertThat(asked).isEqualTo(2);
    }

    @Test
    void theCausesThatSayTheDatabaseCannotBeReached() {
        assertThat(ConnectionGate.unreachable(databaseDown())).isTrue();
        assertThat(ConnectionGate.unreachable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(ConnectionGate.unreachable(new SQLException("x", null, new ConnectException()))).isTrue();
        assertThat(ConnectionGate.unreachable(poolBusy())).isFalse();
        assertThat(ConnectionGate.unreachable(new SQLException("syntax error", "42601"))).isFalse();
    }
}
