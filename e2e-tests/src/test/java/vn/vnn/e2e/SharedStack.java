package vn.vnn.e2e;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.vnn.localstack.Component;
import vn.vnn.localstack.LocalStack;
import vn.vnn.localstack.ProcessMemory;
import vn.vnn.localstack.StackConfig;

import java.nio.file.Path;
import java.util.EnumSet;

/**
 * One whole suite for all end-to-end test classes, started by the local stack's own code (as the run command does)
 * before the first of them and stopped after the last.
 */
final class SharedStack implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static LocalStack stack;
    private static TraceCollector traces;

    static LocalStack stack() {
        return stack;
    }

    /** Where the stack's services export their spans (the stack runs with tracing on). */
    static TraceCollector traces() {
        return traces;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SharedStack.class) {
            if (stack == null) {
                Path root = Path.of(System.getProperty("vnn.repo.root", "..")).toAbsolutePath().normalize();
                StackConfig config = new StackConfig(root, root.resolve("e2e-tests/target/stack"), true, true, true,
                        EnumSet.allOf(Component.class), StackConfig.SERVICE_DATABASES, StackConfig.Ports.allFree(),
                        StackConfig.External.none(), "admin");
                traces = new TraceCollector();
                stack = LocalStack.start(config, traces.serviceEnv());
                System.out.printf("Stack ready in %d ms, %d MB RSS%n", stack.startupTime().toMillis(),
                        ProcessMemory.stackRssMegabytes(stack.config().dataDir()));
                RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedStack.class, this);
            }
        }
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
        if (traces != null) {
            traces.close();
            traces = null;
        }
    }
}
