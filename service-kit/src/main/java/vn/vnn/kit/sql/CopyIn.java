package vn.vnn.kit.sql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Inserts many new entities with PostgreSQL's {@code COPY … FROM STDIN} instead of one INSERT per row: bulk imports
 * write a tenth of the bytes and the database parses no statements. The columns and values come from Hibernate's own
 * mapping of the entity (one place for it), in the caller's transaction and connection; constraints and triggers
 * apply as for INSERTs, and a violation fails the whole COPY (the caller's transaction rolls back).
 *
 * <p>Only for entities whose id is assigned before persisting and whose attributes are basic columns of one table
 * (no associations, embeddables or generated values): anything else is refused when first used.
 */
@ApplicationScoped
public class CopyIn {

    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final Map<Class<?>, Table> tables = new ConcurrentHashMap<>();

    CopyIn(EntityManager entityManager, DataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /** Writes the new entities, all of one class, as rows of its table; the persistence context does not hold them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void insert(Class<T> type, Collection<? extends T> entities) {
        if (entities.isEmpty()) {
            return;
        }
        Table table = tables.computeIfAbsent(type, this::table);
        // Whatever the transaction changed through Hibernate goes first, so that the rows may refer to it.
        entityManager.flush();
        // Inside a transaction the pool hands out the connection enlisted in it (the one Hibernate uses); closing
        // this handle gives it back to the transaction, not to the pool.
        try (Connection connection = dataSource.getConnection()) {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(
                    connection.unwrap(PGConnection.class), table.copySql, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
                StringBuilder line = new StringBuilder(256);
                for (T entity : entities) {
                    line.setLength(0);
                    for (int c = 0; c < table.columns.size(); c++) {
                        if (c > 0) {
                            line.append('\t');
                        }
                        text(table.columns.get(c).apply(entity), line);
                    }
                    out.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            throw e.getCause() instanceof SQLException sql ? failed(sql) : new UncheckedIOException(e);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** A refused COPY as Hibernate reports a refused INSERT (a constraint violation stays recognisable). */
    private RuntimeException failed(SQLException e) {
        return entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getSqlExceptionHelper().convert(e, "COPY refused");
    }

    /** The table, columns and value readers of an entity class, from Hibernate's mapping. */
    private Table table(Class<?> type) {
        EntityPersister persister = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel().getEntityDescriptor(type);
        if (!(persister instanceof AbstractEntityPersister single) || single.getTableSpan() != 1) {
            throw new IllegalArgumentException(type.getName() + " is not mapped to exactly one table");
        }
        List<String> names = new ArrayList<>();
        List<Function<Object, Object>> columns = new ArrayList<>();
        if (!(persister.getIdentifierMapping() instanceof BasicValuedModelPart id)) {
            throw new IllegalArgumentException(type.getName() + " has no single-column id");
        }
        names.add(id.getSelectionExpression());
        columns.add(entity -> {
            Object value = persister.getIdentifierMapping().getIdentifier(entity);
            if (value == null) {
                throw new IllegalStateException(type.getSimpleName() + " without an id cannot be copied in");
            }
            return value;
        });
        for (int a = 0; a < persister.getNumberOfAttributeMappings(); a++) {
            AttributeMapping attribute = persister.getAttributeMapping(a);
            if (!(attribute instanceof BasicValuedModelPart basic) || attribute.isPluralAttributeMapping()) {
                throw new IllegalArgumentException(type.getName() + "." + attribute.getAttributeName()
                        + " is not a basic column");
            }
            if (!basic.isInsertable()) {
                continue;
            }
            names.add(basic.getSelectionExpression());
            JdbcMapping jdbc = basic.getJdbcMapping();
            if (jdbc.getJavaTypeDescriptor().getJavaTypeClass().isEnum() && !jdbc.getJdbcType().isString()) {
                throw new IllegalArgumentException(type.getName() + "." + attribute.getAttributeName()
                        + " is an enum stored by ordinal");
            }
            var getter = attribute.getPropertyAccess().getGetter();
            columns.add(entity -> jdbc.convertToRelationalValue(getter.get(entity)));
        }
        return new Table("COPY " + single.getTableName() + " (" + String.join(", ", names) + ") FROM STDIN",
                List.copyOf(columns));
    }

    private record Table(String copySql, List<Function<Object, Object>> columns) {
    }

    /** A value in COPY's text format: \N for null, backslash escapes for the separators. */
    static void text(Object value, StringBuilder out) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String s) {
            escape(s, out);
        } else if (value instanceof Enum<?> e) {
            escape(e.name(), out);
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof UUID || value instanceof LocalDate) {
            out.append(value);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof OffsetDateTime t) {
            out.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
        } else {
            throw new IllegalArgumentException("no COPY text form for " + value.getClass().getName());
        }
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
    }
}
