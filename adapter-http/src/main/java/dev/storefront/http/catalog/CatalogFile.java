package dev.storefront.http.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.port.in.catalog.ImportCatalogCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The JSON catalog file format (it lives beside the API's JSON codec) of {@code import-catalog} and of the demo catalog (README, "Catalog"):
 *
 * <pre>{@code
 * {"currency": "USD",                       // optional; must be the store's currency when given
 *  "products": [
 *    {"sku": "ESP-1", "name": "Espresso beans", "description": "…", "category": "Coffee",
 *     "price": "19.99", "stock": 12, "active": true,
 *     "images": ["/images/demo/espresso-beans.svg"]}]}   // optional: none for a new product, kept for an existing one
 * }</pre>
 *
 * Prices are strings or JSON numbers, read exactly. A row whose fields have the wrong JSON type is
 * not fatal here: it is handed on with its read errors so the report lists every bad row at once.
 */
public final class CatalogFile {
    /** Longest row text quoted in a report. */
    static final int SOURCE_MAX = 200;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The file as a whole cannot be used (not JSON, not the format, another currency). */
    public static final class InvalidCatalogFile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidCatalogFile(String message) {
            super(message, null, false, false);
        }
    }

    private CatalogFile() {}

    public static ImportCatalogCommand read(byte[] content, Currency storeCurrency, boolean onlyIntoEmptyCatalog) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            JsonParserLocation at = JsonParserLocation.of(e);
            throw new InvalidCatalogFile("not valid JSON" + at);
        } catch (IOException e) {
            throw new InvalidCatalogFile("cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("products").isArray()) {
            throw new InvalidCatalogFile("must be a JSON object with a \"products\" array (see README, \"Catalog\")");
        }
        JsonNode currency = root.get("currency");
        if (currency != null && !(currency.isTextual() && currency.textValue().equals(storeCurrency.getCurrencyCode()))) {
            throw new InvalidCatalogFile("its prices are in " + currency + " but the store's currency is "
                    + storeCurrency.getCurrencyCode());
        }
        List<ImportCatalogCommand.Row> rows = new ArrayList<>();
        int number = 0;
        for (JsonNode node : root.get("products")) {
            number++;
            rows.add(row(number, node));
        }
        return new ImportCatalogCommand(rows, onlyIntoEmptyCatalog);
    }

    private static ImportCatalogCommand.Row row(int number, JsonNode node) {
        String source = node.toString();
        if (source.length() > SOURCE_MAX) {
            source = source.substring(0, SOURCE_MAX) + "…";
        }
        if (!node.isObject()) {
            return new ImportCatalogCommand.Row(number, source, null, null, null, null, null, null, null, null,
                    List.of(new FieldViolation("row", "must be a JSON object")));
        }
        ProductFields fields = new ProductFields((ObjectNode) node, true);
        String sku = fields.text("sku");
        String name = fields.text("name");
        String description = fields.text("description");
        String category = fields.text("category");
        var price = fields.price("price");
        Integer stock = fields.wholeNumber("stock");
        Boolean active = fields.bool("active");
        List<String> images = fields.textList("images");
        List<FieldViolation> readErrors = fields.violations();
        return new ImportCatalogCommand.Row(number, source, sku, name, description, category, price, stock, active,
                images, readErrors);
    }

    /** Where in the text a parse error was, as " at line L, column C" (or nothing). */
    private record JsonParserLocation(String text) {
        static JsonParserLocation of(JsonProcessingException e) {
            var location = e.getLocation();
            return new JsonParserLocation(location == null ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr());
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
