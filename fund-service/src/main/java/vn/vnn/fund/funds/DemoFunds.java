package vn.vnn.fund.funds;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/** Opens the demo province's funds ({@code funds.csv} in {@code DEMO_DATA_DIR}) once; every one is marked demo. */
@ApplicationScoped
public class DemoFunds {

    private static final Logger LOG = Logger.getLogger(DemoFunds.class);

    private final FundService funds;
    private final Optional<String> dataDir;

    DemoFunds(FundService funds, @ConfigProperty(name = "vnn.demo.data-dir") Optional<String> dataDir) {
        this.funds = funds;
        this.dataDir = dataDir;
    }

    void load(@Observes StartupEvent event) {
        dataDir.map(dir -> Path.of(dir, "funds.csv")).filter(Files::isRegularFile).ifPresent(file -> {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser csv = CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setHeader()
                         .setSkipHeaderRecord(true).get())) {
                int opened = 0;
                for (CSVRecord row : csv) {
                    if (Fund.count("code", row.get("code")) == 0) {
                        funds.open(new FundOpening(row.get("code"), row.get("name"),
                                FundLevel.valueOf(row.get("level")), row.get("areaCode"),
                                LocalDate.parse(row.get("validFrom"))), "demo-data", true);
                        opened++;
                    }
                }
                LOG.infof("Demo funds from %s: %d opened", file, opened);
            } catch (IOException | RuntimeException e) {
                LOG.errorf("Demo funds in %s could not be loaded: %s", file, e.getMessage());
            }
        });
    }
}
