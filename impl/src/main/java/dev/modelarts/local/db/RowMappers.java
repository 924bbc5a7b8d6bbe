package dev.modelarts.local.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import dev.modelarts.local.api.model.Arch;
import dev.modelarts.local.api.model.ImageOrigin;
import dev.modelarts.local.api.model.ImageService;
import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.ImageVisibility;
import dev.modelarts.local.api.model.ResourceCategory;
import dev.modelarts.local.api.model.ServiceType;
import dev.modelarts.local.model.GroupRow;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.model.Tag;

/**
 * How rows are read and written: one column list per table, every query selecting it first and
 * in its order, the rows mapped by position (enums by name, list columns comma-separated, tags a
 * JSON array). Jdbi's constructor mapper did the same by reflection, re-matching every column to
 * a record component on each query: most of a ShowImage's CPU.
 */
final class RowMappers {

    static final String GROUP_COLUMNS = "id, scope, type, project_id, workspace_id, namespace, name,"
            + " description, read_me, icon_name, swr_instance_id, swr_instance_name,"
            + " version_count, create_at, update_at, tags";

    /** The images table's columns, in the order {@link #insertImage} binds them. */
    private static final List<String> IMAGE_COLUMN_LIST = List.of("id", "group_id", "scope", "type", "project_id",
            "workspace_id", "namespace", "name", "tag", "swr_path", "arch", "origin", "service_type", "status",
            "status_message", "visibility", "description", "resource_categories", "support_res_categories",
            "dev_services", "image_size", "flavor_type", "swr_instance_id", "show_name", "show_tag", "create_at",
            "update_at", "tags");

    static final String IMAGE_COLUMNS = String.join(", ", IMAGE_COLUMN_LIST);

    /** The insert of one image row, its columns bound by position ({@link #insertImage}). */
    static final String INSERT_IMAGE = "insert into images (" + IMAGE_COLUMNS + ") values ("
            + IMAGE_COLUMN_LIST.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";

    /** The images columns of type bigint: a null in them is bound as a null bigint. */
    private static final Set<String> BIGINT_IMAGE_COLUMNS = Set.of("image_size", "create_at", "update_at");

    private RowMappers() {
    }

    /** Teaches {@code jdbi} the rows and their typed columns. */
    static void register(Jdbi jdbi) {
        jdbi.registerColumnMapper(new GenericType<List<ResourceCategory>>() {
        }, listOf(ResourceCategory::valueOf));
        jdbi.registerColumnMapper(new GenericType<List<ImageService>>() {
        }, listOf(ImageService::valueOf));
        jdbi.registerColumnMapper(new GenericType<List<Tag>>() {
        }, (rs, column, ctx) -> TagsColumn.fromJson(rs.getString(column)));
        jdbi.registerRowMapper(ImageRow.class, RowMappers::image);
        jdbi.registerRowMapper(GroupRow.class, RowMappers::group);
    }

    /** A row of {@link #IMAGE_COLUMNS}, in that order. */
    static ImageRow image(ResultSet rs, StatementContext ctx) throws SQLException {
        long size = rs.getLong(21);
        Long imageSize = rs.wasNull() ? null : size;
        return ImageRow.builder().id(rs.getString(1)).groupId(rs.getString(2)).scope(rs.getString(3))
                .type(parse(rs.getString(4), ImageType::valueOf)).projectId(rs.getString(5))
                .workspaceId(rs.getString(6)).namespace(rs.getString(7)).name(rs.getString(8)).tag(rs.getString(9))
                .swrPath(rs.getString(10)).arch(parse(rs.getString(11), Arch::valueOf))
                .origin(parse(rs.getString(12), ImageOrigin::valueOf))
                .serviceType(parse(rs.getString(13), ServiceType::valueOf))
                .status(parse(rs.getString(14), ImageStatus::valueOf)).statusMessage(rs.getString(15))
                .visibility(parse(rs.getString(16), ImageVisibility::valueOf)).description(rs.getString(17))
                .resourceCategories(list(rs.getString(18), ResourceCategory::valueOf))
                .supportResCategories(list(rs.getString(19), ResourceCategory::valueOf))
                .devServices(list(rs.getString(20), ImageService::valueOf))
                .imageSize(imageSize)
                .flavorType(rs.getString(22)).swrInstanceId(rs.getString(23)).showName(rs.getString(24))
                .showTag(rs.getString(25)).createAt(rs.getLong(26)).updateAt(rs.getLong(27))
                .tags(TagsColumn.fromJson(rs.getString(28)))
                .build();
    }

    /** A row of {@link #GROUP_COLUMNS}, in that order. */
    static GroupRow group(ResultSet rs, StatementContext ctx) throws SQLException {
        return new GroupRow(rs.getString(1), rs.getString(2), parse(rs.getString(3), ImageType::valueOf),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getInt(13),
                rs.getLong(14), rs.getLong(15), TagsColumn.fromJson(rs.getString(16)));
    }

    private static <E> E parse(String value, Function<String, E> parse) {
        return value == null ? null : parse.apply(value);
    }

    private static <E> List<E> list(String value, Function<String, E> parse) {
        return value == null || value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(parse).toList();
    }

    /**
     * Inserts {@code row} into images, its columns bound by position as they are stored (enums by
     * name, list columns comma-separated, tags a JSON array), as rows are read. Plain JDBC
     * rather than Jdbi's binding by name, which looks up an argument factory for each of the 28
     * columns on the one writer thread (its effect on the rate is within the noise: BENCHMARKS.md,
     * "the registrations' writer").
     *
     * @throws UnableToExecuteStatementException as Jdbi's own statements do, the driver's
     *         {@link SQLException} its cause
     */
    static void insertImage(Handle h, ImageRow row) {
        Object[] values = {row.id(), row.groupId(), row.scope(), row.type(), row.projectId(), row.workspaceId(),
            row.namespace(), row.name(), row.tag(), row.swrPath(), row.arch(), row.origin(), row.serviceType(),
            row.status(), row.statusMessage(), row.visibility(), row.description(), join(row.resourceCategories()),
            join(row.supportResCategories()), join(row.devServices()), row.imageSize(), row.flavorType(),
            row.swrInstanceId(), row.showName(), row.showTag(), row.createAt(), row.updateAt(),
            TagsColumn.toJson(row.tags())};
        try (PreparedStatement insert = h.getConnection().prepareStatement(INSERT_IMAGE)) {
            for (int i = 0; i < values.length; i++) {
                bind(insert, i + 1, values[i], BIGINT_IMAGE_COLUMNS.contains(IMAGE_COLUMN_LIST.get(i)));
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value, boolean bigint)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, bigint ? Types.BIGINT : Types.VARCHAR);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else {
            statement.setString(index, (String) value);
        }
    }

    private static String join(List<? extends Enum<?>> values) {
        return values.isEmpty() ? null : values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static <E> ColumnMapper<List<E>> listOf(Function<String, E> parse) {
        return (rs, column, ctx) -> list(rs.getString(column), parse);
    }
}
