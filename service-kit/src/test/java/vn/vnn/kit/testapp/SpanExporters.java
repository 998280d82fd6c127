package vn.vnn.kit.testapp;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The kit's tests read finished spans from memory instead of exporting them. */
@ApplicationScoped
public class SpanExporters {

    @Produces
    @Singleton
    InMemorySpanExporter inMemory() {
        return InMemorySpanExporter.create();
    }
}
