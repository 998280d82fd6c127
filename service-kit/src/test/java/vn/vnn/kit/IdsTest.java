package vn.vnn.kit;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void idsMadeOneAfterTheOtherSortInThatOrderAsTheDatabaseSortsThem() {
        String previous = Ids.newId().toString();
        for (int i = 0; i < 100_000; i++) {
            UUID id = Ids.newId();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            // PostgreSQL orders uuids byte by byte, as their lower-case hex text sorts.
            assertThat(id.toString()).isGreaterThan(previous);
            previous = id.toString();
        }
    }
}
