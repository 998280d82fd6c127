package vn.vnn.kit.sql;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.vnn.kit.testapp.CopiedRow;
import vn.vnn.localstack.testing.InfrastructureTestResource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows written by COPY read back exactly as written, and a violation leaves nothing behind. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class CopyInTest {

    @Inject
    CopyIn copy;

    @Test
    void everyColumnTypeReadsBackAsWritten() {
        List<CopiedRow> rows = new ArrayList<>();
        // The separators and escapes of COPY's text format, Vietnamese, and a value that looks like its null marker.
        String[] labels = {"Nguyễn Thị Ánh\tHồng", "line\nbreak\r", "back\\slash \\N", "\\N", "", "ỷ 𝕍 ⁂", null};
        for (int i = 0; i < labels.length; i++) {
            CopiedRow row = new CopiedRow();
            row.id = UUID.randomUUID();
            row.label = labels[i];
            row.kind = i % 3 == 2 ? null : i % 2 == 0 ? CopiedRow.Kind.PLAIN : CopiedRow.Kind.ODD;
            row.flag = i % 2 == 0;
            row.amount = i == 3 ? null : i == 4 ? Integer.MIN_VALUE : i * 1_000;
            row.share = i == 5 ? null : new BigDecimal("12345.6" + i).setScale(2, java.math.RoundingMode.UNNECESSARY);
            row.day = i == 6 ? null : LocalDate.of(2025, 7, 1).plusDays(i);
            row.at = i == 1 ? null : OffsetDateTime.of(2026, 12, 1, 23, 59, 58, 123_456_000, ZoneOffset.ofHours(7));
            rows.add(row);
        }
        QuarkusTransaction.requiringNew().run(() -> copy.insert(CopiedRow.class, rows));

        QuarkusTransaction.requiringNew().run(() -> {
            for (CopiedRow written : rows) {
                CopiedRow read = CopiedRow.findById(written.id);
                assertThat(read).as("row %s", written.label).isNotNull();
                assertThat(read.label).isEqualTo(written.label);
                assertThat(read.kind).isEqualTo(written.kind);
                assertThat(read.flag).isEqualTo(written.flag);
                assertThat(read.amount).isEqualTo(written.amount);
                assertThat(read.share).isEqualTo(written.share);
                assertThat(read.day).isEqualTo(written.day);
                assertThat(read.at == null ? null : read.at.toInstant())
                        .isEqualTo(written.at == null ? null : written.at.toInstant());
                assertThat(read.version).isZero();
            }
        });
    }

    @Test
    void aViolationFailsTheTransactionAndWritesNothing() {
        String label = "unique " + UUID.randomUUID();
        List<CopiedRow> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CopiedRow row = new CopiedRow();
            row.id = UUID.randomUUID();
            row.label = i == 1 ? "other " + UUID.randomUUID() : label; // the third repeats the first's label
            rows.add(row);
        }
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> copy.insert(CopiedRow.class, rows)))
                .isNotNull();
        QuarkusTransaction.requiringNew().run(() -> assertThat(CopiedRow.count("id in ?1",
                rows.stream().map(r -> r.id).toList())).isZero());
    }

    @Test
    void anEntityWithoutIdIsRefused() {
        CopiedRow row = new CopiedRow();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> copy.insert(CopiedRow.class,
                List.of(row)))).isInstanceOf(IllegalStateException.class).hasMessageContaining("without an id");
    }

    @Test
    void outsideATransactionNothingIsWritten() {
        CopiedRow row = new CopiedRow();
        row.id = UUID.randomUUID();
        assertThatThrownBy(() -> copy.insert(CopiedRow.class, List.of(row)))
                .isInstanceOf(jakarta.transaction.TransactionalException.class);
    }
}
