package dev.martech.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build-time naming check: each rule fails generation with the line and the rule broken. */
class NamingTableTest {
    @TempDir
    Path dir;

    private Path table(String... lines) throws IOException {
        return Files.writeString(dir.resolve("t.tsv"), "# header\n" + String.join("\n", lines) + "\n");
    }

    @Test
    void aReviewedTableLoads() throws IOException {
        NamingTable t = NamingTable.load(table(
                "getCustomersWorkspaces\tcustomers\tlist\tGET /workspaces/{workspaceId}/customers",
                "getCustomerWorkspaces\tcustomers\tretrieve\tGET /workspaces/{workspaceId}/customers/{customerId}"),
                List.of("Workspaces"));
        assertThat(t.entry("getCustomerWorkspaces").method()).isEqualTo("retrieve");
        assertThat(NamingTable.resourceOf("customers")).isEqualTo("Customer");
        assertThat(NamingTable.resourceOf("analytics")).isEqualTo("Analytics");
        assertThat(NamingTable.resourceOf("categories")).isEqualTo("Category");
    }

    @Test
    void eachRuleIsEnforced() throws IOException {
        Path bad = table(
                "a\tcustomers\tgetEntryNodeUniqueCustomerMatchingPolicy\tGET /a",
                "b\tcustomers\tlist\tGET /b",
                "c\tcustomers\tlist\tGET /c",
                "d\tcustomers\tlists\tGET /d",
                "e\tcustomers\tsearchWorkspaces\tGET /e",
                "f\tcategories\timport\tPOST /f",
                "b\tother\tretrieve\tGET /b2");
        assertThatThrownBy(() -> NamingTable.load(bad, List.of("Workspaces")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 40 characters, more than 30")
                .hasMessageContaining("customers().list names both b and c")
                .hasMessageContaining("list and lists differ by one letter")
                .hasMessageContaining("keeps the vendor suffix 'Workspaces'")
                .hasMessageContaining("uses a Java keyword")
                .hasMessageContaining("operation b is already named on line 3");
    }

    @Test
    void oneEditApartMeansOneSubstitutionInsertionOrDeletion() {
        assertThat(NamingTable.oneEditApart("getCustomers", "getCustomer")).isTrue();
        assertThat(NamingTable.oneEditApart("update", "updare")).isTrue();
        assertThat(NamingTable.oneEditApart("list", "list")).isFalse();
        assertThat(NamingTable.oneEditApart("create", "delete")).isFalse();
        assertThat(NamingTable.oneEditApart("retrieveWebKpis", "retrieveEcommerceKpis")).isFalse();
    }

    @Test
    void theTableMustNameEveryOperationOfTheSpecExactlyOnce() throws IOException {
        NamingTable t = NamingTable.load(table(
                "listThings\tthings\tlist\tGET /things",
                "gone\tthings\tremove\tDELETE /things/{id}"), List.of());
        OpenAPI spec = new OpenAPI().paths(new Paths()
                .addPathItem("/things", new PathItem()
                        .get(new Operation().operationId("listThings"))
                        .post(new Operation().operationId("createThing"))));
        assertThatThrownBy(() -> t.checkCovers(spec))
                .hasMessageContaining("POST /things (createThing) is not in the table")
                .hasMessageContaining("gone is not an operation of the spec");

        NamingTable moved = NamingTable.load(table("listThings\tthings\tlist\tGET /stuff"), List.of());
        OpenAPI one = new OpenAPI().paths(new Paths().addPathItem("/things",
                new PathItem().get(new Operation().operationId("listThings"))));
        assertThatThrownBy(() -> moved.checkCovers(one)).hasMessageContaining("the table says 'GET /stuff' but the spec has 'GET /things'");
    }

    @Test
    void theCommittedTablesKeepTheRules() {
        Path specs = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "specs", "naming");
        for (String spec : List.of("targeting", "socialhub", "contacthub", "contactflow")) {
            NamingTable.load(specs.resolve(spec + ".tsv"), List.of("Workspaces"));
        }
    }
}
