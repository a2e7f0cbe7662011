package dev.storefront.http.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonCodecTest {
    record Numbers(int small, long big, String text, boolean flag, BigDecimal price) {}

    record Line(int quantity) {}

    record Lines(List<Line> lines) {}

    record Small(int small) {}

    private final JsonCodec codec = new JsonCodec();

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private <T> Problem rejected(String json, Class<T> type) {
        HttpProblemException e = assertThrows(HttpProblemException.class, () -> codec.read(bytes(json), type));
        assertEquals(400, e.problem().status());
        return e.problem();
    }

    private void assertFieldError(String json, String field) {
        Problem problem = rejected(json, Numbers.class);
        assertEquals(ProblemType.VALIDATION.uri(), problem.type(), json);
        assertEquals(1, problem.errors().size(), json);
        assertEquals(field, problem.errors().get(0).get("field"), json);
    }

    @Test
    void readsExactValues() {
        Numbers numbers = codec.read(bytes(
                "{\"small\":5,\"big\":9007199254740993,\"text\":\"t\",\"flag\":true,\"price\":19.99}"), Numbers.class);

        assertEquals(new Numbers(5, 9007199254740993L, "t", true, new BigDecimal("19.99")), numbers);
    }

    @Test
    void stringIsNotCoercedToInt() {
        assertFieldError("{\"small\":\"5\"}", "small");
    }

    @Test
    void numberIsNotCoercedToString() {
        assertFieldError("{\"text\":5}", "text");
        assertFieldError("{\"text\":1.5}", "text");
        assertFieldError("{\"text\":true}", "text");
    }

    @Test
    void objectIsNotAString() {
        assertFieldError("{\"text\":{\"a\":1}}", "text");
    }

    @Test
    void fractionIsNotTruncatedToInt() {
        assertFieldError("{\"small\":1.5}", "small");
        assertFieldError("{\"big\":1.0}", "big");
        assertFieldError("{\"small\":1e3}", "small");
    }

    @Test
    void numberBeyondIntRangeIsFieldError() {
        assertFieldError("{\"small\":2147483648}", "small");
        assertFieldError("{\"small\":-2147483649}", "small");
    }

    @Test
    void numberBeyondLongRangeIsFieldError() {
        assertFieldError("{\"big\":9223372036854775808}", "big");
        assertFieldError("{\"big\":123456789012345678901234567890}", "big");
    }

    @Test
    void booleanIsNotCoercedFromStringOrNumber() {
        assertFieldError("{\"flag\":\"true\"}", "flag");
        assertFieldError("{\"flag\":1}", "flag");
    }

    @Test
    void nullForPrimitiveIsFieldError() {
        assertFieldError("{\"small\":null}", "small");
    }

    @Test
    void nestedFieldIsNamedByItsPath() {
        Problem problem = rejected("{\"lines\":[{\"quantity\":1},{\"quantity\":\"2\"}]}", Lines.class);

        assertEquals("lines.[1].quantity", problem.errors().get(0).get("field"));
    }

    @Test
    void nullBodyIsRejected() {
        Problem problem = rejected("null", Numbers.class);

        assertEquals(ProblemType.MALFORMED_REQUEST.uri(), problem.type());
    }

    @Test
    void emptyBodyIsRejected() {
        HttpProblemException e = assertThrows(HttpProblemException.class, () -> codec.read(new byte[0], Numbers.class));

        assertEquals(ProblemType.MALFORMED_REQUEST.uri(), e.problem().type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "5", "\"text\"", "{\"small\":1}{}", "{\"small\":1} x", "{\"small\":",
            "{\"small\":1,\"small\":2}", "{'small':1}", "{small:1}", "{\"small\":01}", "{\"small\":NaN}"})
    void nonObjectsAndInvalidJsonAreRejected(String json) {
        rejected(json, Numbers.class);
    }

    @Test
    void nestingIsCapped() {
        String ok = "{\"x\":" + "[".repeat(JsonCodec.MAX_NESTING_DEPTH - 1) + "]".repeat(JsonCodec.MAX_NESTING_DEPTH - 1) + "}";
        String tooDeep = "{\"x\":" + "[".repeat(JsonCodec.MAX_NESTING_DEPTH) + "]".repeat(JsonCodec.MAX_NESTING_DEPTH) + "}";

        assertEquals(new Small(1), codec.read(bytes(ok.replace("{", "{\"small\":1,")), Small.class));
        rejected(tooDeep.replace("{", "{\"small\":1,"), Small.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\u0000", "\u001f", "\n"})
    void aRawControlCharacterInAStringIsNamedAsSuch(String control) {
        // A token cut from a CRLF file by a script keeps its "\r", unescaped, inside the JSON string.
        Problem problem = rejected("{\"text\":\"token" + control + "\"}", Numbers.class);

        assertEquals(ProblemType.VALIDATION.uri(), problem.type());
        assertEquals("text", problem.errors().get(0).get("field"));
        assertEquals("contains a control character", problem.errors().get(0).get("message"));
    }

    @Test
    void unknownFieldsAreIgnored() {
        Small small = codec.read(bytes("{\"small\":2,\"unknown\":{\"deep\":[1,\"x\",null]}}"), Small.class);

        assertEquals(new Small(2), small);
    }

    @Test
    void missingPrimitiveFieldIsFieldError() {
        Problem problem = rejected("{\"other\":1}", Small.class);

        assertEquals(ProblemType.VALIDATION.uri(), problem.type());
        assertEquals("small", problem.errors().get(0).get("field"));
    }

    @Test
    void writesBigDecimalExactly() {
        assertEquals("{\"small\":1,\"big\":2,\"text\":null,\"flag\":false,\"price\":0.10}",
                new String(codec.write(new Numbers(1, 2, null, false, new BigDecimal("0.10"))), StandardCharsets.UTF_8));
    }
}
