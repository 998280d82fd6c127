package vn.vnn.household;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import vn.vnn.household.areas.AreaType;
import vn.vnn.household.imports.HouseholdRows;
import vn.vnn.household.imports.ImportColumn;
import vn.vnn.household.registry.MemberRules;
import vn.vnn.household.standards.PovertyStatus;
import vn.vnn.household.demo.SyntheticHouseholds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticHouseholdsTest {

    private static final List<SyntheticHouseholds.Commune> COMMUNES = List.of(
            new SyntheticHouseholds.Commune("98001", AreaType.RURAL, List.of("98001-01"), 0.05),
            new SyntheticHouseholds.Commune("98002", AreaType.URBAN, List.of(), 0.02),
            new SyntheticHouseholds.Commune("98003", AreaType.RURAL, List.of(), 0.9));

    @Property(tries = 20)
    void everyHouseholdReadsBackFromItsImportRowsAndObeysTheMemberRules(@ForAll long seed) {
        SyntheticHouseholds generator = new SyntheticHouseholds(seed, COMMUNES, 2026, "S-");
        List<HouseholdRows.Imported> read = new ArrayList<>();
        HouseholdRows rows = new HouseholdRows(ImportColumn.headers(), read::add);
        int row = 2;
        for (int i = 0; i < 200; i++) {
            SyntheticHouseholds.Synthetic household = generator.next();
            for (int m = 0; m < household.members().size(); m++) {
                rows.row(row++, SyntheticHouseholds.importRow(household, m));
            }
        }
        rows.finish();
        assertThat(read).hasSize(200).allSatisfy(imported -> {
            assertThat(imported.errors()).isEmpty();
            assertThat(MemberRules.problems(imported.request().members(), true, id -> false)).isEmpty();
        });
    }

    @Test
    void citizenIdsAreUniqueAndTheShapesAreRealistic() {
        SyntheticHouseholds generator = new SyntheticHouseholds(42, COMMUNES, 2026, "S-");
        Set<String> ids = new HashSet<>();
        int people = 0;
        int households = 30_000;
        int poor = 0;
        for (int i = 0; i < households; i++) {
            SyntheticHouseholds.Synthetic household = generator.next();
            people += household.members().size();
            poor += household.status() == PovertyStatus.POOR ? 1 : 0;
            household.members().stream().map(SyntheticHouseholds.Person::citizenId).filter(id -> id != null)
                    .forEach(id -> assertThat(ids.add(id)).as("unique %s", id).isTrue());
        }
        assertThat(people / (double) households).isBetween(3.2, 4.0);
        // a third of the households live in the minority commune, where poverty is far higher
        assertThat(poor / (double) households).isBetween(0.03, 0.09);
    }
}
