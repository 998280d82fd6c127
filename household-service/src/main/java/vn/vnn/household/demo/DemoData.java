package vn.vnn.household.demo;

import vn.vnn.kit.time.VietnamClock;

import vn.vnn.household.areas.AreaService;
import vn.vnn.household.imports.ImportJobs;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import jakarta.transaction.Transactional;
import vn.vnn.household.areas.AreaType;
import vn.vnn.household.registry.Household;
import vn.vnn.household.imports.HouseholdImport;
import vn.vnn.household.imports.TabularFile;

/**
 * Loads the demo dataset (a made-up province, every unit marked demo) when {@code DEMO_DATA_DIR} is set; the local
 * stack sets it unless asked not to, with a few hundred synthetic households in its communes. Loading again updates
 * the same rows, so restarts change nothing.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** Demo households: made up by {@link SyntheticHouseholds}, their refs start with this prefix. */
    static final String REF_PREFIX = "DEMO-";
    private static final int HOUSEHOLDS = 300;
    private static final String DEMO_ACTOR = "demo-data";

    private final AreaService areas;
    private final ImportJobs imports;
    private final Optional<String> dataDir;
    private final VietnamClock clock;

    DemoData(AreaService areas, ImportJobs imports, VietnamClock clock,
             @ConfigProperty(name = "vnn.demo.data-dir") Optional<String> dataDir) {
        this.clock = clock;
        this.areas = areas;
        this.imports = imports;
        this.dataDir = dataDir;
    }

    void load(@Observes StartupEvent event) {
        dataDir.map(dir -> Path.of(dir, "areas.csv")).filter(Files::isRegularFile).ifPresent(file -> {
            try {
                var report = areas.importCsv(Files.readString(file, StandardCharsets.UTF_8), true, "demo-data");
                LOG.infof("Demo areas loaded from %s: %d rows (%d new)", file, report.rows(), report.created());
            } catch (IOException | RuntimeException e) {
                LOG.errorf("Demo areas in %s could not be loaded: %s", file, e.getMessage());
                return;
            }
            queueDemoHouseholds();
        });
    }

    /**
     * Queues a few hundred synthetic households for the demo communes through the ordinary import, once: the refs are
     * fixed by the seed, so a restart finds them registered and changes nothing.
     */
    @Transactional
    public void queueDemoHouseholds() {
        if (Household.count("householdRef like ?1", REF_PREFIX + "%") > 0 || HouseholdImport.count(
                "submittedBy = ?1 and status <> ?2", DEMO_ACTOR, HouseholdImport.Status.FAILED) > 0) {
            return;
        }
        List<SyntheticHouseholds.Commune> communes = List.of(
                new SyntheticHouseholds.Commune("99111", AreaType.RURAL, List.of("99111-01", "99111-02", "99111-03"),
                        0.1),
                new SyntheticHouseholds.Commune("99112", AreaType.RURAL, List.of("99112-01"), 0.6),
                new SyntheticHouseholds.Commune("99211", AreaType.URBAN, List.of("99211-01", "99211-02"), 0.02));
        SyntheticHouseholds generator = new SyntheticHouseholds(2025, communes,
                clock.today().getYear(), REF_PREFIX);
        StringBuilder csv = new StringBuilder();
        try {
            generator.writeImportCsv(HOUSEHOLDS, csv);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (var file = vn.vnn.kit.upload.UploadedFile.receive(new java.io.ByteArrayInputStream(
                csv.toString().getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE)) {
            imports.submitAs(DEMO_ACTOR, vn.vnn.kit.security.AreaScope.NATIONAL,
                    vn.vnn.kit.security.AreaScope.NATIONAL, TabularFile.Format.CSV, "demo-households.csv", file);
        }
        LOG.infof("%d demo households (synthetic, refs %s…) queued for import", HOUSEHOLDS, REF_PREFIX);
    }
}
