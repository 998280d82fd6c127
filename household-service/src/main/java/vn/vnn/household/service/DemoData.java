package vn.vnn.household.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads the demo dataset (a made-up province, every unit marked demo) when {@code DEMO_DATA_DIR} is set; the local
 * stack sets it unless asked not to. Loading again updates the same rows, so restarts change nothing.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final AreaService areas;
    private final Optional<String> dataDir;

    DemoData(AreaService areas, @ConfigProperty(name = "vnn.demo.data-dir") Optional<String> dataDir) {
        this.areas = areas;
        this.dataDir = dataDir;
    }

    void load(@Observes StartupEvent event) {
        dataDir.map(dir -> Path.of(dir, "areas.csv")).filter(Files::isRegularFile).ifPresent(file -> {
            try {
                var report = areas.importCsv(Files.readString(file, StandardCharsets.UTF_8), true, "demo-data");
                LOG.infof("Demo areas loaded from %s: %d rows (%d new)", file, report.rows(), report.created());
            } catch (IOException | RuntimeException e) {
                LOG.errorf("Demo areas in %s could not be loaded: %s", file, e.getMessage());
            }
        });
    }
}
