package vn.vnn.fund;

import org.junit.jupiter.api.Test;
import vn.vnn.kit.security.EndpointSecurityAudit;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointSecurityTest {

    @Test
    void everyEndpointDeclaresWhoMayCallIt() throws Exception {
        EndpointSecurityAudit.Result result = EndpointSecurityAudit.audit(Path.of("target/classes"));
        assertThat(result.endpoints()).isNotEmpty();
        assertThat(result.withoutAccessRule()).isEmpty();
    }
}
