package vn.vnn.localstack.testing;

import vn.vnn.localstack.ChildJvm;
import vn.vnn.localstack.LocalStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL database for a plain (non-Quarkus) test, started by the local stack's own code in a JVM of its
 * own; the connection is the database's application role, as a service would have it.
 */
public final class TestPostgres implements AutoCloseable {

    private final Path dir;
    private final ChildJvm jvm;
    private final String jdbcUrl;
    private final String username;
    private final String password;

    private TestPostgres(Path dir, ChildJvm jvm, String jdbcUrl, String username, String password) {
        this.dir = dir;
        this.jvm = jvm;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    public static TestPostgres start(String database) throws IOException {
        Path dir = Files.createTempDirectory("vnn-test-postgres-");
        InfrastructureTestResource.Launched pg = InfrastructureTestResource.launch(dir, "postgres",
                List.of("--only=postgres", "--free-ports", "--databases=" + database), Map.of());
        String prefix = "db." + database + ".";
        // The owner role: the test creates what it needs, as a service's migrations would.
        return new TestPostgres(dir, pg.jvm(), pg.addresses().getProperty("jdbc." + database),
                pg.addresses().getProperty(prefix + "db_owner_username"),
                pg.addresses().getProperty(prefix + "db_owner_password"));
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        jvm.close();
        LocalStack.deleteTree(dir);
    }
}
