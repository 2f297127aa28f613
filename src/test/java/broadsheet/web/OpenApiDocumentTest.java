package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
    @Test
    void aPartAddsItsPathsSchemasAndTagsToTheBaseDocument() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(new OpenApiDocument(List.of("test-part")).bytes());
        assertThat(doc.path("paths").has("/api/me"))
                .as("the base document's paths stay")
                .isTrue();
        assertThat(doc.path("paths")
                        .path("/api/test-part")
                        .path("get")
                        .path("operationId")
                        .asText())
                .isEqualTo("testPart");
        assertThat(doc.path("components").path("schemas").has("TestPart")).isTrue();
        assertThat(doc.path("tags").findValuesAsText("name")).contains("test-part");
    }

    @Test
    void aPathNamedTwiceStopsStartUpNamingThePartAndPath() {
        assertThatThrownBy(() -> new OpenApiDocument(List.of("test-clash")))
                .hasMessageContaining("test-clash")
                .hasMessageContaining("/api/me");
    }

    @Test
    void everyListedPartExists() {
        assertThat(new OpenApiDocument().bytes()).isNotEmpty();
    }
}
