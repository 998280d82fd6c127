package vn.vnn.emulation;

import org.junit.jupiter.api.Test;
import vn.vnn.localstack.testing.ServiceShape;

import static org.assertj.core.api.Assertions.assertThat;

/** The service keeps the shape of ARCHITECTURE §2 (see {@link ServiceShape} for the rules). */
class ArchitectureTest {

    @Test
    void featuresLayersAndOwnersKeepTheirShape() {
        assertThat(ServiceShape.of("vn.vnn.emulation").violations()).isEmpty();
    }
}
