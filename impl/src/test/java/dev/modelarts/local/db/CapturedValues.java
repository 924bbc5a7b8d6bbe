package dev.modelarts.local.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.jdbi.v3.core.statement.StatementContext;

/** The plan tests' way to run a statement Jdbi is about to run again, elsewhere, with its values. */
final class CapturedValues {

    private CapturedValues() {
    }

    /**
     * Binds the values of the statement in {@code ctx} to {@code target}, prepared from the same
     * SQL, in the order of its named parameters (Jdbi's Binding lookup, deprecated but the one way
     * to read a bound argument back).
     */
    @SuppressWarnings("deprecation")
    static void bind(StatementContext ctx, PreparedStatement target) throws SQLException {
        List<String> names = ctx.getParsedSql().getParameters().getParameterNames();
        for (int i = 0; i < names.size(); i++) {
            ctx.getBinding().findForName(names.get(i), ctx).orElseThrow().apply(i + 1, target, ctx);
        }
    }
}
