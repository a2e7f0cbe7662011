package dev.storefront.http.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * JSON in and out. Reading is strict: no type coercion ({@code "5"} is not a number, {@code 5} is
 * not a string), duplicate keys and trailing tokens are errors, nesting is capped. Unknown fields
 * are ignored, as the API promises.
 */
public final class JsonCodec {
    static final int MAX_NESTING_DEPTH = 32;

    private final ObjectMapper mapper;

    public JsonCodec() {
        JsonMapper.Builder builder = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper = builder.build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    /**
     * Reads a request body into {@code type}.
     *
     * @throws HttpProblemException 400, naming the field when the problem is one field's type
     */
    public <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new HttpProblemException(ProblemType.MALFORMED_REQUEST, "A JSON request body is required");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new HttpProblemException(ProblemType.MALFORMED_REQUEST, "The request body must be a JSON object");
            }
            return value;
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (field.isEmpty()) {
                throw new HttpProblemException(ProblemType.MALFORMED_REQUEST, "The request body must be a JSON object");
            }
            throw HttpProblemException.invalid(field, unescapedControlCharacter(e)
                    ? "contains a control character" : "has the wrong type or is out of range");
        } catch (JsonProcessingException e) {
            throw new HttpProblemException(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a field failed because its string holds a raw control character (a token cut from a
     * line with its {@code \r}, say): Jackson reports that as a parse error inside the field.
     */
    private static boolean unescapedControlCharacter(JsonMappingException e) {
        return e.getCause() instanceof JsonParseException parse && parse.getOriginalMessage().contains("CTRL-CHAR");
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable: " + value.getClass().getName(), e);
        }
    }
}
